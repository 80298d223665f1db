using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Parsing;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Discovery;

public sealed class ScenarioNamingTests
{
    private const string Outlines =
        """
        Feature: Policy
          Scenario Outline: <form> is refused
            When the app calls "<name>"

            Examples:
              | form                   | name       |
              | A decimal IPv4 literal | 2130706433 |

          Scenario Outline: A request with <count> headers of <size> bytes is refused
            When the app sends <count> headers

            Examples:
              | count | size |
              | 40    | 1000 |

          Scenario Outline: Each row is its own scenario
            When the app calls "<name>"

            Examples:
              | name        |
              | line\nbreak |
        """;

    [Theory]
    [InlineData(0, "Policy: A decimal IPv4 literal is refused [2130706433]")]
    [InlineData(1, "Policy: A request with 40 headers of 1000 bytes is refused")]
    [InlineData(2, "Policy: Each row is its own scenario [line\\nbreak]")]
    public void DisplayName_OutlineRow_IsTheNameWithItsLabelThenTheValuesTheNameDoesNotShow(int pickle, string expected)
    {
        // Given
        var feature = GherkinFeature.Parse("Features/Policy.feature", Outlines);

        // When
        var name = ScenarioNaming.DisplayName(feature, feature.Pickles[pickle]);

        // Then
        Assert.Equal(expected, name);
    }
}
