using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class DigOutputTests
{
    [Fact]
    public void Parse_Answer_KeepsEachOwnerNameAsWritten()
    {
        // Given
        var result = FakePodExec.Text(0, """
            ;; Got answer:
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242
            ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags:; udp: 1232
            ;; ANSWER SECTION:
            proxy.egress.svc.cluster.local.	5	IN	A	10.43.7.9

            """);

        // When
        var answer = DigOutput.Parse(result, "Api.Example.Test.egress.local.");

        // Then
        Assert.Equal("NOERROR", answer.ResponseCode);
        Assert.Equal("Api.Example.Test.egress.local.", answer.Question);
        var record = Assert.Single(answer.Records);
        Assert.Equal(new DnsAnswerRecord("proxy.egress.svc.cluster.local.", "A", "10.43.7.9", 5), record);
    }

    [Fact]
    public void Parse_NxDomain_HasNoRecords()
    {
        // Given
        var result = FakePodExec.Text(0, ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0\n");

        // When
        var answer = DigOutput.Parse(result, "x.egressXlocal.evil.");

        // Then
        Assert.Equal("NXDOMAIN", answer.ResponseCode);
        Assert.Empty(answer.Records);
    }

    [Fact]
    public void Parse_NoReply_IsAFault()
    {
        // Given
        var result = FakePodExec.Text(9, ";; communications error: timed out\n");

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => DigOutput.Parse(result, "x."));

        // Then
        Assert.Contains("exit 9", failure.Message);
    }
}
