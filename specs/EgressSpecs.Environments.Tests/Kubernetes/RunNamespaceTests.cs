using EgressSpecs.Environments.Kubernetes;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class RunNamespaceTests
{
    [Fact]
    public void NewRunId_IsSixCharactersValidInADnsLabel()
    {
        // Given
        var ids = Enumerable.Range(0, 50).Select(_ => RunNamespace.NewRunId()).ToList();

        // When
        var valid = ids.All(id => id.Length == 6 && id.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character)));

        // Then
        Assert.True(valid);
        Assert.True(ids.Distinct().Count() > 45);
    }

    [Fact]
    public void Manifest_IsNamedAndLabelledWithTheRun()
    {
        // Given
        const string runId = "abc123";

        // When
        var ns = RunNamespace.Manifest("apps", runId);

        // Then
        Assert.Equal("egress-specs-apps-abc123", ns.Metadata.Name);
        Assert.Equal("abc123", ns.Metadata.Labels[RunNamespace.RunLabel]);
        Assert.True(RunNamespace.BelongsTo(ns, runId));
    }

    [Fact]
    public void BelongsTo_ANamespaceOfAnotherRunOrUnlabelled_IsNotOurs()
    {
        // Given
        var other = RunNamespace.Manifest("apps", "zzz999");
        var unlabelled = new V1Namespace { Metadata = new V1ObjectMeta { Name = "egress-specs-apps-abc123" } };

        // When
        var results = new[] { RunNamespace.BelongsTo(other, "abc123"), RunNamespace.BelongsTo(unlabelled, "abc123") };

        // Then
        Assert.Equal([false, false], results);
    }
}
