using EgressSpecs.Gherkin.Tests.Support;
using Reqnroll;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.StepDefinitions;

[Binding]
public sealed class JournalSteps(ScenarioJournal journal)
{
    [Given("the journal notes {string}")]
    [When("the journal notes {string}")]
    public void NoteInJournal(string note) => journal.Notes.Add(note);

    [Then("the journal reads {string}")]
    public void JournalReads(string expected) => Assert.Equal(expected, string.Join(", ", journal.Notes));

    [When("the binding receives the text")]
    public void ReceiveText(string text) => journal.ReceivedText = text;

    [Then("the received text has {int} lines")]
    public void ReceivedTextHasLines(int count) => Assert.Equal(count, journal.ReceivedText?.Split('\n').Length);

    [Then("the received text starts with {string}")]
    public void ReceivedTextStartsWith(string start) => Assert.StartsWith(start, journal.ReceivedText, StringComparison.Ordinal);

    [When("the binding receives the table")]
    public void ReceiveTable(Table table) => journal.ReceivedTable = table;

    [Then("the received table has the columns {string} and {int} rows")]
    public void ReceivedTableHas(string columns, int rows)
    {
        Assert.NotNull(journal.ReceivedTable);
        Assert.Equal(columns, string.Join(", ", journal.ReceivedTable.Header));
        Assert.Equal(rows, journal.ReceivedTable.RowCount);
    }
}
