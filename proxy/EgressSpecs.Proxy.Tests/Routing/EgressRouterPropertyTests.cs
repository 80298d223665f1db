using CsCheck;
using EgressSpecs.Proxy.Fuzz;
using EgressSpecs.Proxy.Routing;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Routing;

/// <summary>
/// The routing decision against generated Host headers, under an allowlist that contains <c>*</c>: anything that
/// slipped through the parser would be routed, so every refusal below is the parser's and the policy's doing.
/// </summary>
public sealed class EgressRouterPropertyTests
{
    // A few thousand cases per property keeps the whole class within seconds.
    private const int Cases = 3000;

    private static readonly RoutingPolicy Policy = RoutingPolicy.Fuzzing;
    private static readonly RoutingInvariants Invariants = new(Policy);

    [Fact]
    public void Route_AnyText_NeverThrowsAndKeepsEveryInvariant()
    {
        // Given arbitrary text, alone or dressed as a Host header with the suffix and a port
        var hosts = Gen.Select(HostGen.AnyText, Gen.OneOf("", "." + HostGen.Suffix, "." + HostGen.Suffix + ".", "." + HostGen.Suffix + ":8080"),
            (text, tail) => text + tail);

        // When / Then: no exception, and the decision is the one the rules in docs/proxy.md give
        hosts.Sample(host => { Invariants.Check(host); }, iter: Cases, print: RoutingInvariants.Escape);
    }

    [Fact]
    public void Route_IPv4LiteralInAnyForm_IsRefusedAsIpLiteral()
    {
        // Given dotted, short, decimal, hex, octal and mixed-radix forms of random addresses
        HostGen.HostFor(HostGen.IPv4Literal).Sample(host =>
        {
            // When
            var route = Invariants.Check(host);

            // Then
            Assert.Null(route.Target);
            Assert.Equal(EgressReason.IpLiteral, route.Reason);
        }, iter: Cases);
    }

    [Fact]
    public void Route_IPv6Literal_IsNeverRouted()
    {
        // Given IPv6 text, bare or bracketed, with or without the suffix and a port
        var hosts = Gen.Select(HostGen.IPv6Literal, Gen.OneOf("", ":80", "." + HostGen.Suffix, "." + HostGen.Suffix + ".:443"),
            (literal, tail) => literal + tail);

        hosts.Sample(host =>
        {
            // When
            var route = Invariants.Check(host);

            // Then
            Assert.Null(route.Target);
        }, iter: Cases);
    }

    [Fact]
    public void Route_InternalNameInAnyCaseWithOrWithoutTrailingDot_IsRefusedAsInternal()
    {
        // Given localhost, *.localhost, *.svc, *.cluster.local, *.internal, single labels and the configured names
        HostGen.HostFor(HostGen.InternalName(Policy.InternalNames)).Sample(host =>
        {
            // When
            var route = Invariants.Check(host);

            // Then
            Assert.Null(route.Target);
            Assert.Equal(EgressReason.InternalName, route.Reason);
        }, iter: Cases);
    }

    [Fact]
    public void Route_PercentEncodedIpLiteralOrInternalName_IsNeverRouted()
    {
        // Given an IP literal or internal name with some characters percent-encoded (%2e for '.', %31 for '1', ...)
        var names = Gen.OneOf(HostGen.IPv4Literal, HostGen.InternalName(Policy.InternalNames));
        var encoded = names.SelectMany(name => Gen.Bool.Array[name.Length].Select(encode => string.Concat(
            name.Select((c, i) => encode[i] ? $"%{(int)c:x2}" : c.ToString()))));

        HostGen.HostFor(encoded).Sample(host =>
        {
            // When: the proxy does not decode, so an encoded name is no DNS name at all
            var route = Invariants.Check(host);

            // Then
            Assert.Null(route.Target);
        }, iter: Cases);
    }

    [Fact]
    public void Route_PublicName_IsRoutedToItselfUnderTheAnyEntryOrAMoreSpecificOne()
    {
        // Given ordinary public names
        HostGen.HostFor(HostGen.PublicName).Sample(host =>
        {
            // When
            var route = Invariants.Check(host);

            // Then
            Assert.NotNull(route.Target);
            Assert.StartsWith(route.Target.Host + "." + HostGen.Suffix, host, StringComparison.OrdinalIgnoreCase);
        }, iter: Cases);
    }

    [Fact]
    public void Route_CaseAndTrailingDotVariants_GetTheSameDecision()
    {
        // Given a mix of public, internal, IP literal and hostile names, and a random-case variant of each
        var names = Gen.OneOf(HostGen.PublicName, HostGen.InternalName(Policy.InternalNames), HostGen.IPv4Literal, HostGen.HostileText);
        var pairs = names.SelectMany(name => Gen.Select(HostGen.WithRandomCase(Gen.Const(name)), Gen.Bool,
            (variant, dot) => (Original: name + "." + HostGen.Suffix, Variant: variant + "." + HostGen.Suffix.ToUpperInvariant() + (dot ? "." : ""))));
        var router = Policy.CreateRouter();

        pairs.Sample(pair =>
        {
            // When
            var original = router.Route(pair.Original);
            var variant = router.Route(pair.Variant);

            // Then
            Assert.Equal(original.Reason, variant.Reason);
            Assert.Equal(original.Target?.Host, variant.Target?.Host);
            Assert.Same(original.Target?.Entry, variant.Target?.Entry);
        }, iter: Cases, print: pair => RoutingInvariants.Escape(pair.Variant));
    }
}
