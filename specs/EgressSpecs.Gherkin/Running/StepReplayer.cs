using EgressSpecs.Gherkin.Parsing;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace EgressSpecs.Gherkin.Running;

/// <summary>Replays a pickle's steps on a test runner with the keyword written in the feature file.</summary>
internal static class StepReplayer
{
    public static async Task ReplayAsync(ITestRunner runner, GherkinFeature feature, Pickle pickle)
    {
        foreach (var pickleStep in pickle.Steps)
        {
            // Steps do not throw: the runtime records errors and surfaces them at CollectScenarioErrorsAsync.
            await ReplayAsync(runner, feature, pickleStep);
        }
    }

    private static Task ReplayAsync(ITestRunner runner, GherkinFeature feature, PickleStep pickleStep)
    {
        var step = feature.StepOf(pickleStep);
        var docString = pickleStep.Argument?.DocString?.Content;
        var table = ToTable(pickleStep.Argument?.DataTable);
        return step.KeywordType switch
        {
            StepKeywordType.CONTEXT => runner.GivenAsync(pickleStep.Text, docString, table, step.Keyword),
            StepKeywordType.ACTION => runner.WhenAsync(pickleStep.Text, docString, table, step.Keyword),
            StepKeywordType.OUTCOME => runner.ThenAsync(pickleStep.Text, docString, table, step.Keyword),
            _ when feature.ButKeywords.Contains(step.Keyword) => runner.ButAsync(pickleStep.Text, docString, table, step.Keyword),
            // And, and '*', continue the previous step's kind.
            _ => runner.AndAsync(pickleStep.Text, docString, table, step.Keyword),
        };
    }

    private static Table? ToTable(PickleTable? dataTable)
    {
        if (dataTable is null || dataTable.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table([.. dataTable.Rows[0].Cells.Select(c => c.Value)]);
        foreach (var row in dataTable.Rows.Skip(1))
        {
            table.AddRow([.. row.Cells.Select(c => c.Value)]);
        }

        return table;
    }
}
