using System.Net.Sockets;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class PodClusterDnsTests
{
    private static readonly PodContainer Glibc = new("ns", "meshed-app", "app");
    private static readonly PodContainer Dig = new("ns", "unmeshed-app", "dig");

    [Fact]
    public async Task ResolveAsync_RunsGetentAhostsv4InTheGlibcContainer()
    {
        // Given
        var exec = new FakePodExec(_ => FakePodExec.Text(0, "10.43.0.20      STREAM api.example.test.egress.local\n"));
        var dns = new PodClusterDns(Glibc, Dig, exec);

        // When
        var lookup = await dns.ResolveAsync("api.example.test.egress.local", AddressFamily.InterNetwork, TestContext.Current.CancellationToken);

        // Then
        Assert.True(lookup.Resolved);
        var call = Assert.Single(exec.Calls);
        Assert.Equal(Glibc, call.Container);
        Assert.Equal(["getent", "ahostsv4", "api.example.test.egress.local"], call.Command);
    }

    [Fact]
    public async Task ResolveAsync_BothFamilies_RunsGetentAhosts()
    {
        // Given
        var exec = new FakePodExec(_ => FakePodExec.Text(0, "10.43.0.20      STREAM api.example.test.egress.local\n"));
        var dns = new PodClusterDns(Glibc, Dig, exec);

        // When
        var lookup = await dns.ResolveAsync("api.example.test.egress.local", AddressFamily.Unspecified, TestContext.Current.CancellationToken);

        // Then
        Assert.True(lookup.Resolved);
        Assert.Equal(["getent", "ahosts", "api.example.test.egress.local"], Assert.Single(exec.Calls).Command);
    }

    [Fact]
    public async Task SearchListAsync_ReadsThePodsResolvConf()
    {
        // Given: what kubelet writes for a ClusterFirst pod on a cloud node
        var exec = new FakePodExec(_ => FakePodExec.Text(0,
            "search ns.svc.cluster.local svc.cluster.local cluster.local eu-west-1.compute.internal\nnameserver 10.43.0.10\noptions ndots:5\n"));
        var dns = new PodClusterDns(Glibc, Dig, exec);

        // When
        var search = await dns.SearchListAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(["ns.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"], search);
        var call = Assert.Single(exec.Calls);
        Assert.Equal(Glibc, call.Container);
        Assert.Equal(["cat", "/etc/resolv.conf"], call.Command);
    }

    [Fact]
    public async Task QueryAsync_RunsDigWithTheNameAsGiven()
    {
        // Given
        var exec = new FakePodExec(_ => FakePodExec.Text(0, ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\nFOO.egress.local. 5 IN A 10.43.0.20\n"));
        var dns = new PodClusterDns(Glibc, Dig, exec);

        // When
        var answer = await dns.QueryAsync("FOO.egress.local.", "a", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("FOO.egress.local.", Assert.Single(answer.Records).OwnerName);
        var call = Assert.Single(exec.Calls);
        Assert.Equal(Dig, call.Container);
        Assert.Equal("dig", call.Command[0]);
        Assert.Equal(["FOO.egress.local.", "A"], call.Command.TakeLast(2));
    }

    [Fact]
    public async Task QueryAsync_UnknownType_IsRefusedBeforeAnyExec()
    {
        // Given
        var exec = new FakePodExec(_ => throw new InvalidOperationException("must not run"));
        var dns = new PodClusterDns(Glibc, Dig, exec);

        // When
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => dns.QueryAsync("x.", "MX", TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("MX", failure.Message);
        Assert.Empty(exec.Calls);
    }
}
