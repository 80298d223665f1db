using EgressSpecs.Proxy.Fuzz;

namespace EgressSpecs.Proxy.Tests.Fuzz;

/// <summary>
/// Replays the fuzzer's seed corpus (proxy/EgressSpecs.Proxy.Fuzz/corpus, copied to FuzzCorpus/) through the harness:
/// a crashing input found by AFL++ is added there, and from then on it is a regression test.
/// </summary>
public sealed class RoutingFuzzTargetTests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Run_CorpusInput_KeepsEveryInvariant(string file)
    {
        // Given
        var target = new RoutingFuzzTarget(new RoutingInvariants(RoutingPolicy.Fuzzing));
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", file));

        // When
        var exception = Record.Exception(() => target.Run(input));

        // Then
        Assert.Null(exception);
    }

    [Fact]
    public void Check_RouterThatRoutesWhatTheRulesRefuse_ThrowsAViolation()
    {
        // Given rules for egress.local checking a router configured for another suffix
        var invariants = new RoutingInvariants(RoutingPolicy.Fuzzing, (RoutingPolicy.Fuzzing with { Suffix = "egress.test" }).CreateRouter());

        // When the router routes a Host that the rules refuse
        var violation = Record.Exception(() => invariants.Check("api.example.com.egress.test"));

        // Then
        Assert.IsType<InvariantViolationException>(violation);
    }

    [Fact]
    public void Check_RouterThatPicksAnotherEntry_ThrowsAViolation()
    {
        // Given rules where api.example.com is listed exactly, and a router without that exact entry
        var withoutExact = RoutingPolicy.Fuzzing with { Destinations = [.. RoutingPolicy.Fuzzing.Destinations.Where(d => d != "api.example.com")] };
        var invariants = new RoutingInvariants(RoutingPolicy.Fuzzing, withoutExact.CreateRouter());

        // When the router serves it through *.example.com instead
        var violation = Record.Exception(() => invariants.Check("api.example.com.egress.local"));

        // Then
        Assert.IsType<InvariantViolationException>(violation);
    }
}
