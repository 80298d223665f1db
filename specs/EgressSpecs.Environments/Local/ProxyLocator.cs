using System.Reflection;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// Finds the proxy to start: <c>EGRESS_SPECS_PROXY_DLL</c>, else the path the test project's build recorded as
/// <c>[assembly: AssemblyMetadata("EgressSpecs.ProxyAssemblyPath", ...)]</c> (specs/EgressSpecs.ProxyUnderTest.targets).
/// </summary>
internal static class ProxyLocator
{
    public const string MetadataKey = "EgressSpecs.ProxyAssemblyPath";

    /// <summary>The dll's full path, or null with <paramref name="missing"/> saying what was looked at.</summary>
    public static string? Find(string? configuredPath, out string missing)
    {
        if (configuredPath is not null)
        {
            var full = Path.GetFullPath(configuredPath);
            missing = $"{EgressEnvironmentVariables.ProxyDll}='{configuredPath}' does not exist";
            return File.Exists(full) ? full : null;
        }

        var recorded = RecordedPaths().ToList();
        var existing = recorded.FirstOrDefault(File.Exists);
        missing = recorded.Count == 0
            ? $"no {EgressEnvironmentVariables.ProxyDll} and no assembly carries the '{MetadataKey}' metadata "
              + "(import specs/EgressSpecs.ProxyUnderTest.targets in the test project)"
            : $"the proxy recorded at build time is not built: {string.Join(", ", recorded)} (build proxy/EgressSpecs.Proxy)";
        return existing;
    }

    private static IEnumerable<string> RecordedPaths()
    {
        var entry = Assembly.GetEntryAssembly();
        var assemblies = entry is null ? AppDomain.CurrentDomain.GetAssemblies() : [entry, .. AppDomain.CurrentDomain.GetAssemblies()];
        return assemblies
            .Where(assembly => !assembly.IsDynamic)
            .SelectMany(assembly => assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            .Where(metadata => metadata.Key == MetadataKey && !string.IsNullOrEmpty(metadata.Value))
            .Select(metadata => Path.GetFullPath(metadata.Value!))
            .Distinct();
    }
}
