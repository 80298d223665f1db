namespace EgressSpecs.Environments.Tests.Support;

/// <summary>DNS rule texts written to temporary files, as EGRESS_SPECS_COREFILE would name them.</summary>
internal sealed class RuleFiles : IDisposable
{
    /// <summary>The proof of concept's rule, quoted from its README.</summary>
    public const string SeedRule = @"rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local";

    private readonly List<string> _paths = [];

    public string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"egress-specs-rule-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text + "\n");
        _paths.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            File.Delete(path);
        }
    }
}
