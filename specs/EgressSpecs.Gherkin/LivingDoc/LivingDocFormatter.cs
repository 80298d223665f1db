using Cucumber.HtmlFormatter;
using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Ordering;
using EgressSpecs.Gherkin.Parsing;
using EgressSpecs.Gherkin.Running;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Html;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace EgressSpecs.Gherkin.LivingDoc;

/// <summary>
/// Reqnroll's html formatter (configured as "html" in reqnroll.json, as before) with the adjustments of
/// <see cref="LivingDocMessages"/> and <see cref="LivingDocPage"/>. <see cref="XunitRuntimePlugin"/> registers it in
/// place of Reqnroll's own. The page's header is written at the end of the run, when everything it says is known.
/// </summary>
internal sealed class LivingDocFormatter(
    IFormattersConfigurationProvider configurationProvider,
    IFormatterLog logger,
    IFileSystem fileSystem) : HtmlFormatter(configurationProvider, logger, fileSystem, PluginName)
{
    public const string PluginName = "html";

    private HtmlReportSettings? _settings;

    protected override HtmlReportSettings GetHtmlReportSettings()
    {
        var settings = base.GetHtmlReportSettings();
        settings.CustomCss = LivingDocPage.Css;
        // The writer reads CustomScript when it closes the page, after the run's last message.
        _settings = settings;
        return settings;
    }

    protected override Task WriteToFile(Envelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.TestRunFinished is not null && _settings is { } settings)
        {
            var run = RunDescription.Current;
            var problem = RunStart.Failure is { } failure ? $"The test run did not start: {RunStart.Reason(failure)}" : null;
            settings.CustomScript = LivingDocPage.Script(run.Name, run.Entries, problem, RowLabels());
        }

        return base.WriteToFile(LivingDocMessages.Rewrite(envelope, FeatureOrder.Current), cancellationToken);
    }

    private static IEnumerable<KeyValuePair<string, string>> RowLabels() =>
        from feature in FeatureCatalog.Loaded
        from pickle in feature.Pickles
        where pickle.AstNodeIds.Count > 1
        select new KeyValuePair<string, string>(pickle.AstNodeIds[1], ScenarioNaming.ScenarioName(feature, pickle));
}
