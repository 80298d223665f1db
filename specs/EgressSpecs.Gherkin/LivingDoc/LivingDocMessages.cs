using EgressSpecs.Gherkin.Ordering;
using Io.Cucumber.Messages.Types;
using Xunit.v3;

namespace EgressSpecs.Gherkin.LivingDoc;

/// <summary>
/// Adjusts the Cucumber messages the living doc is built from, before the html formatter writes them:
/// <list type="bullet">
/// <item>a feature's uri gets its position in the declared order as a prefix ("01 Features/..."), because the report
/// lists features sorted by uri (cucumber/react-components 24.1.2, <c>useFilteredDocuments</c>) and shows the uri as
/// the feature's heading;</item>
/// <item>a skipped step keeps its reason as a plain message, without the skip exception's type, xunit's marker and
/// stack trace, which the report would render like a failure.</item>
/// </list>
/// </summary>
internal static class LivingDocMessages
{
    public static Envelope Rewrite(Envelope envelope, FeatureOrder order)
    {
        if (envelope.Source is { } source && Renamed(source.Uri, order) is { } sourceUri)
        {
            return Envelope.Create(new Source(sourceUri, source.Data, source.MediaType));
        }

        if (envelope.GherkinDocument is { } document && Renamed(document.Uri, order) is { } documentUri)
        {
            return Envelope.Create(new GherkinDocument(documentUri, document.Feature, document.Comments));
        }

        if (envelope.Pickle is { } pickle && Renamed(pickle.Uri, order) is { } pickleUri)
        {
            return Envelope.Create(new Pickle(pickle.Id, pickleUri, pickle.Name, pickle.Language, pickle.Steps, pickle.Tags, pickle.AstNodeIds));
        }

        if (envelope.TestStepFinished is { TestStepResult: { Status: TestStepResultStatus.SKIPPED, Exception: { } skip } result } finished)
        {
            var reason = skip.Message?.Replace(DynamicSkipToken.Value, string.Empty, StringComparison.Ordinal);
            return Envelope.Create(new TestStepFinished(
                finished.TestCaseStartedId,
                finished.TestStepId,
                new TestStepResult(result.Duration, reason, TestStepResultStatus.SKIPPED, null),
                finished.Timestamp));
        }

        return envelope;
    }

    /// <summary>"01 Features/Forwarding/Forwarding.feature" for the first declared feature; null when not renamed.</summary>
    public static string? Renamed(string? uri, FeatureOrder order) =>
        uri is not null && order.PositionOf(uri) is { } position ? $"{position:D2} {uri}" : null;
}
