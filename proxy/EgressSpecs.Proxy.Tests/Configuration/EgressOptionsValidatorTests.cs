using EgressSpecs.Proxy.Configuration;

namespace EgressSpecs.Proxy.Tests.Configuration;

public sealed class EgressOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new EgressOptionsValidator().Validate(null, new EgressOptions()).Succeeded);

    [Fact]
    public void Validate_SensibleDestinations_Succeeds()
    {
        // Given
        var options = new EgressOptions
        {
            Destinations =
            [
                new() { Host = "api.example.com" },
                new() { Host = "*.example.org", Port = 8443 },
                new() { Host = "*" },
                new() { Host = "db.example.net", Address = "10.0.0.5" },
            ],
            DnsServers = ["127.0.0.1:5353", "10.96.0.10", "[::1]:53"],
        };

        // When / Then
        Assert.True(new EgressOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("bad host", 443, null, "Egress:Destinations:0:Host")]
    [InlineData("*.*.example.com", 443, null, "Egress:Destinations:0:Host")]
    [InlineData("10.0.0.1", 443, null, "Egress:Destinations:0:Host")]
    [InlineData("redis.default.svc", 443, null, "Egress:Destinations:0:Host")]
    [InlineData("x.egress.local", 443, null, "Egress:Destinations:0:Host")]
    [InlineData("api.example.com", 0, null, "Egress:Destinations:0:Port")]
    [InlineData("api.example.com", 70000, null, "Egress:Destinations:0:Port")]
    [InlineData("api.example.com", 443, "not-an-ip", "Egress:Destinations:0:Address")]
    public void Validate_BadDestination_NamesTheKey(string host, int port, string? address, string key)
    {
        // Given
        var options = new EgressOptions { Destinations = [new() { Host = host, Port = port, Address = address }] };

        // When
        var result = new EgressOptionsValidator().Validate(null, options);

        // Then
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void Validate_DuplicateHost_NamesTheSecondEntry()
    {
        // Given
        var options = new EgressOptions { Destinations = [new() { Host = "api.example.com" }, new() { Host = "API.example.com." }] };

        // When
        var result = new EgressOptionsValidator().Validate(null, options);

        // Then
        Assert.Contains("Egress:Destinations:1:Host", result.FailureMessage);
    }

    [Fact]
    public void Validate_BadSuffixResolverAndTimeouts_NameEachKey()
    {
        // Given
        var options = new EgressOptions
        {
            Suffix = "*.bad",
            DnsServers = ["dns.example.com"],
            InternalNames = ["*"],
            DnsTimeout = TimeSpan.Zero,
            Shutdown = new ShutdownOptions { DrainTimeout = TimeSpan.FromSeconds(-1) },
        };

        // When
        var message = new EgressOptionsValidator().Validate(null, options).FailureMessage;

        // Then
        Assert.Contains("Egress:Suffix", message);
        Assert.Contains("Egress:DnsServers:0", message);
        Assert.Contains("Egress:InternalNames:0", message);
        Assert.Contains("Egress:DnsTimeout", message);
        Assert.Contains("Egress:Shutdown:DrainTimeout", message);
    }

    [Theory]
    [InlineData("2001:db8:64::/96", true)]
    [InlineData("fd00:64::/64", true)]
    [InlineData("2001:db8::/33", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("2001:db8::1/96", false)]
    [InlineData("not a prefix", false)]
    public void Validate_Nat64Prefix_AcceptsOnlyRfc6052PrefixesAndNamesTheKey(string prefix, bool valid)
    {
        // Given
        var options = new EgressOptions { Nat64Prefixes = ["64:ff9b:1::/48", prefix] };

        // When
        var result = new EgressOptionsValidator().Validate(null, options);

        // Then
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Egress:Nat64Prefixes:1", result.FailureMessage);
        }
    }
}
