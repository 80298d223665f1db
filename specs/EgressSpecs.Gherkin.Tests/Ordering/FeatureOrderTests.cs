using EgressSpecs.Gherkin.Ordering;
using EgressSpecs.Gherkin.Reporting;
using Xunit;
using static EgressSpecs.Gherkin.Tests.Reporting.Outcomes;

namespace EgressSpecs.Gherkin.Tests.Ordering;

public sealed class FeatureOrderTests
{
    private static readonly FeatureOrder Pattern = new(["Features/Forwarding", "Features/Tls/", "Features/Policy/EgressPolicy.feature"]);

    [Theory]
    [InlineData("Features/Forwarding/Forwarding.feature", 1)]
    [InlineData("Features/Tls/TlsOrigination.feature", 2)]
    [InlineData("Features/Policy/EgressPolicy.feature", 3)]
    [InlineData("Features/Forwarding2/Other.feature", null)]
    [InlineData("Features/Dns/DnsRule.feature", null)]
    public void PositionOf_FeaturePath_IsItsFolderOrFileEntrysPosition(string path, int? position)
    {
        // Given
        var order = Pattern;

        // When
        var found = order.PositionOf(path);

        // Then
        Assert.Equal(position, found);
    }

    [Fact]
    public void InReportOrder_Outcomes_ListDeclaredFeaturesFirstThenTheOthersByPathEachInFileOrder()
    {
        // Given
        ScenarioOutcome At(string path, int pickle) => Passed("X", $"{path} #{pickle}", pickle) with { FeaturePath = path };
        ScenarioOutcome[] outcomes =
        [
            At("Features/Dns/DnsRule.feature", 0),
            At("Features/Policy/EgressPolicy.feature", 1),
            At("Features/Alpha/Alpha.feature", 0),
            At("Features/Policy/EgressPolicy.feature", 0),
            At("Features/Forwarding/Forwarding.feature", 0),
        ];

        // When
        var ordered = RunReport.InReportOrder(outcomes, Pattern);

        // Then
        Assert.Equal(
            [
                ("Features/Forwarding/Forwarding.feature", 0),
                ("Features/Policy/EgressPolicy.feature", 0),
                ("Features/Policy/EgressPolicy.feature", 1),
                ("Features/Alpha/Alpha.feature", 0),
                ("Features/Dns/DnsRule.feature", 0),
            ],
            ordered.Select(o => (o.FeaturePath, o.PickleIndex)));
    }

    [Fact]
    public void Of_AssemblyDeclaringAnOrder_UsesIt()
    {
        // Given: this test project declares Outcomes before Basics (see ReqnrollSetup.cs).
        var assembly = typeof(FeatureOrderTests).Assembly;

        // When
        var order = FeatureOrder.Of(assembly);

        // Then
        Assert.Equal((1, 2), (order.PositionOf("Features/Outcomes.feature"), order.PositionOf("Features/Basics.feature")));
    }
}
