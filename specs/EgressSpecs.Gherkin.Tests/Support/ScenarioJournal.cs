namespace EgressSpecs.Gherkin.Tests.Support;

/// <summary>What one scenario's steps and hooks did, injected into bindings per scenario.</summary>
public sealed class ScenarioJournal
{
    public List<string> Notes { get; } = [];

    public List<string> Hooks { get; } = [];

    public string? ReceivedText { get; set; }

    public Reqnroll.Table? ReceivedTable { get; set; }
}
