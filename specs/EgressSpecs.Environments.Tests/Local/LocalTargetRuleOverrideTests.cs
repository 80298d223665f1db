using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Tests.Support;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class LocalTargetRuleOverrideTests
{
    [Fact]
    public async Task StartAsync_SeedRuleAsCorefile_MeshedAppCannotResolveBecauseTheOwnerIsTheProxyName()
    {
        // Given: the proof of concept's rule given through EGRESS_SPECS_COREFILE
        var cancellationToken = TestContext.Current.CancellationToken;
        using var rules = new RuleFiles();
        await using var proxy = await FakeProxy.StartAsync(cancellationToken);
        var variables = new Dictionary<string, string?>
        {
            [EgressEnvironmentVariables.ProxyUrl] = proxy.Url.ToString(),
            [EgressEnvironmentVariables.Corefile] = rules.Write(RuleFiles.SeedRule),
        };
        await using var target = EgressTargets.FromVariables(name => variables.GetValueOrDefault(name));
        await target.StartAsync(cancellationToken);

        // When
        var response = await target.MeshedApp.SendAsync(AppRequest.Get("http://api.example.test.egress.local/"), cancellationToken);
        var answer = await target.ClusterDns.QueryAsync("api.example.test.egress.local.", "A", cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.NameNotResolved, response.Failure?.Kind);
        Assert.Equal("proxy.egress.svc.cluster.local.", Assert.Single(answer.Records).OwnerName);
        Assert.Contains("has no admin URL", target.Lacks(Capability.ProxyAdmin));
    }

    [Fact]
    public async Task StartAsync_CorefileMissing_FailsNamingTheVariable()
    {
        // Given
        await using var target = new LocalTarget(new LocalTargetSettings
        {
            ProxyUrl = new Uri("http://127.0.0.1:9"),
            CorefilePath = Path.Combine(Path.GetTempPath(), $"egress-specs-missing-{Guid.NewGuid():N}.yml"),
        });

        // When
        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => target.StartAsync(TestContext.Current.CancellationToken));

        // Then
        Assert.Contains(EgressEnvironmentVariables.Corefile, failure.Message);
    }
}
