using System.Net;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class GetentOutputTests
{
    [Fact]
    public void Parse_Found_ReturnsEachAddressOnce()
    {
        // Given
        var result = FakePodExec.Text(0, "10.43.12.3      STREAM api.example.test.egress.local\n10.43.12.3      DGRAM  \n10.43.12.3      RAW    \n10.43.12.4      STREAM \n");

        // When
        var lookup = GetentOutput.Parse(result, "api.example.test.egress.local");

        // Then
        Assert.True(lookup.Resolved);
        Assert.Equal([IPAddress.Parse("10.43.12.3"), IPAddress.Parse("10.43.12.4")], lookup.Addresses);
        Assert.Null(lookup.Failure);
    }

    [Fact]
    public void Parse_ExitTwo_IsNotFoundAsGetaddrinfoReportsIt()
    {
        // Given
        var result = FakePodExec.Text(2, "");

        // When
        var lookup = GetentOutput.Parse(result, "api.example.test.egress.local");

        // Then
        Assert.False(lookup.Resolved);
        Assert.Contains("not found", lookup.Failure);
    }

    [Fact]
    public void Parse_LineWithoutAnAddress_IsAFormatError()
    {
        // Given
        var result = FakePodExec.Text(0, "getent: unexpected\n");

        // When
        var failure = Assert.Throws<FormatException>(() => GetentOutput.Parse(result, "x"));

        // Then
        Assert.Contains("getent: unexpected", failure.Message);
    }
}
