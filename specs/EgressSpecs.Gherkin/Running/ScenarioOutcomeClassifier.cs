using Xunit.Sdk;
using Xunit.v3;

namespace EgressSpecs.Gherkin.Running;

/// <summary>Tells a skip (Assert.Skip, Reqnroll's ignore) from a failure.</summary>
internal static class ScenarioOutcomeClassifier
{
    public static bool IsSkip(Exception exception) =>
        exception is SkipException || exception.Message.StartsWith(DynamicSkipToken.Value, StringComparison.Ordinal);

    /// <summary>The reason given to Assert.Skip, without xunit's marker.</summary>
    public static string SkipReason(Exception exception) =>
        exception.Message.StartsWith(DynamicSkipToken.Value, StringComparison.Ordinal)
            ? exception.Message[DynamicSkipToken.Value.Length..]
            : exception.Message;
}
