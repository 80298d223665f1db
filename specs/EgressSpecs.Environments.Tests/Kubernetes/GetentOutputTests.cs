using System.Net;
using System.Net.Sockets;
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
        var lookup = GetentOutput.Parse(result, "api.example.test.egress.local", AddressFamily.InterNetwork);

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
        var lookup = GetentOutput.Parse(result, "api.example.test.egress.local", AddressFamily.InterNetwork);

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
        var failure = Assert.Throws<FormatException>(() => GetentOutput.Parse(result, "x", AddressFamily.InterNetwork));

        // Then
        Assert.Contains("getent: unexpected", failure.Message);
    }

    [Fact]
    public void Parse_AhostsWithIPv4AndIPv6_ReturnsBoth()
    {
        // Given: getent ahosts (AF_UNSPEC) prints each address three times, IPv6 ones too
        var result = FakePodExec.Text(0, "10.43.12.3      STREAM x.egress.local\n10.43.12.3      DGRAM  \nfd00::3         STREAM \n");

        // When
        var lookup = GetentOutput.Parse(result, "x.egress.local", AddressFamily.Unspecified);

        // Then
        Assert.Equal([IPAddress.Parse("10.43.12.3"), IPAddress.Parse("fd00::3")], lookup.Addresses);
    }

    [Fact]
    public void Parse_Ahostsv4WithAnIPv6Address_IsAFormatError()
    {
        // Given
        var result = FakePodExec.Text(0, "fd00::3         STREAM x.egress.local\n");

        // When
        var failure = Assert.Throws<FormatException>(() => GetentOutput.Parse(result, "x.egress.local", AddressFamily.InterNetwork));

        // Then
        Assert.Contains("ahostsv4", failure.Message);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, "ahostsv4")]
    [InlineData(AddressFamily.Unspecified, "ahosts")]
    public void Command_Family_PicksTheGetaddrinfoDatabase(AddressFamily family, string database)
    {
        // When
        var command = GetentOutput.Command("x.egress.local", family);

        // Then
        Assert.Equal(["getent", database, "x.egress.local"], command);
    }

    [Fact]
    public void Command_IPv6Only_IsRefused()
    {
        // When
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => GetentOutput.Command("x", AddressFamily.InterNetworkV6));

        // Then
        Assert.Contains("Unspecified", failure.Message);
    }
}
