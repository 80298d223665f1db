using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.K3s;

/// <summary>The repository's own infra/ folder, found from the test assembly as the cluster targets find it.</summary>
internal static class InfraFixture
{
    public static RepositoryLayout Repository { get; } = RepositoryLayout.Find(AppContext.BaseDirectory, out var missing)
        ?? throw new InvalidOperationException(missing);
}
