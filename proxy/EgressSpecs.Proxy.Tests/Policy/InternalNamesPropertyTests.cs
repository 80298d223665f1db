using CsCheck;
using EgressSpecs.Proxy.Fuzz;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class InternalNamesPropertyTests
{
    private const int Cases = 3000;
    private static readonly string[] Configured = ["*.corp.example", "vault.example.net", "*.intra.example.com"];

    [Fact]
    public void Contains_NameBuiltFromTheInternalRulesInAnyCase_IsTrue()
    {
        // Given
        var names = new InternalNames(Configured);

        // When / Then
        HostGen.WithRandomCase(HostGen.InternalName(Configured)).Sample(name => Assert.True(names.Contains(name), name), iter: Cases);
    }

    [Fact]
    public void Contains_PublicName_AgreesWithTheRules()
    {
        // Given public names, some of which land below a configured zone by chance
        var names = new InternalNames(Configured);
        var oracle = new RoutingOracle(new RoutingPolicy(HostGen.Suffix, [], Configured));
        var candidates = Gen.OneOf(HostGen.PublicName, HostGen.PublicName.Select(n => n + ".intra.example.com"), HostGen.PublicName.Select(n => "svc." + n));

        // When / Then
        HostGen.WithRandomCase(candidates).Sample(name => Assert.Equal(oracle.IsInternal(name), names.Contains(name)), iter: Cases);
    }
}
