using Xunit;

namespace EgressSpecs.Gherkin.Tests;

public sealed class RunDescriptionTests
{
    [Fact]
    public void Add_LabelAlreadyThere_ReplacesItsValueWhereItStands()
    {
        // Given
        var run = new RunDescription("tests");
        run.Add("Target", "local");
        run.Add("Proxy", "ours");

        // When
        run.Add("target", "k3s");

        // Then
        Assert.Equal([new("target", "k3s"), new("Proxy", "ours")], run.Entries);
    }

    [Fact]
    public void Add_ValueOnSeveralLines_KeepsItOnOne()
    {
        // Given
        var run = new RunDescription("tests");

        // When
        run.Add("Meshed app", "curl\n  + glibc 2.36\r\n");

        // Then
        Assert.Equal("curl + glibc 2.36", Assert.Single(run.Entries).Value);
    }

    [Fact]
    public void Name_NotSet_IsTheDefault()
    {
        // Given
        var run = new RunDescription("EgressSpecs.Specs");

        // When
        var name = run.Name;

        // Then
        Assert.Equal("EgressSpecs.Specs", name);
    }
}
