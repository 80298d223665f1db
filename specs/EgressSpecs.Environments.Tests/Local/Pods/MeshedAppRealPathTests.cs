using EgressSpecs.Dns;

namespace EgressSpecs.Environments.Tests.Local.Pods;

/// <summary>
/// The real path end to end: curl and glibc's getent in a private mount namespace with a pod's resolv.conf, asking the
/// pod's cluster DNS on 127.0.N.53:53, reaching a loopback HTTP server (the fixture's stand-in proxy) at the pod's
/// Service address. As root, and so in CI (.ci/run runs as root), the real path must be the one taken.
/// </summary>
public sealed class MeshedAppRealPathTests(LocalTargetFixture fixture) : IClassFixture<LocalTargetFixture>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public void LocalTarget_RunAsRoot_TakesTheRealPath()
    {
        // Given
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "Not root: the real path may not be available here; as root (CI) it must be.");
        Assert.SkipWhen(
            Environment.GetEnvironmentVariable(EgressEnvironmentVariables.MeshedApp)?.Trim() == "in-process",
            $"{EgressEnvironmentVariables.MeshedApp}=in-process asks for the in-process model.");

        // When
        var choice = fixture.Target.MeshedAppChoice;

        // Then
        Assert.True(choice.IsReal, $"As root the meshed app must be curl and glibc in a private mount namespace, but: {choice.Description}");
        Assert.Matches(@"^curl \d+\.\d+(\.\d+)? \+ glibc \d+\.\d+ in a private mount namespace", choice.Description);
        Assert.Equal([new("Meshed app", choice.Description)], fixture.Target.RunFacts);
    }

    [Fact]
    public async Task MeshedApp_EgressName_IsResolvedByGlibcThroughTheSearchListAndReachesTheServerAtTheService()
    {
        // Given
        Assert.SkipUnless(fixture.Target.MeshedAppChoice.IsReal, $"The real path is not taken here: {fixture.Target.MeshedAppChoice.Description}");
        var pod = fixture.Target.MeshedPod!;
        var host = $"e2e-{Guid.NewGuid():N}.example.test.egress.local";

        // When
        var response = await fixture.Target.MeshedApp.SendAsync(AppRequest.Get($"http://{host}/hello"), _cancellationToken);

        // Then: the stand-in proxy answered, with the name the app called as Host
        Assert.True(response.StatusCode == 200, $"{response}: {response.BodyText}");
        Assert.StartsWith($"host={host} ", response.BodyText);

        // and glibc, not a model, asked the pod's DNS: every search-list expansion (A and AAAA) before the name itself.
        var asked = pod.QuestionsSeen.Where(question => question.Name.StartsWith(host, StringComparison.OrdinalIgnoreCase)).ToList();
        string[] expected = [.. pod.ResolvConf.Search.Select(domain => $"{host}.{domain}."), $"{host}."];
        Assert.Equal(expected, asked.Select(question => question.Name).Distinct(StringComparer.OrdinalIgnoreCase));
        Assert.All(asked.Where(question => question.Name != $"{host}."), question => Assert.Equal(DnsResponseCode.NxDomain, question.ResponseCode));
        Assert.Contains(asked, question => question.Name == $"{host}." && question.RecordType == "A" && question.ResponseCode == DnsResponseCode.NoError);
        Assert.Contains(asked, question => question.RecordType == "AAAA");
    }

    [Fact]
    public async Task MeshedAppWhenProxyIsDown_RealPath_IsRefusedAtItsOwnServiceAddress()
    {
        // Given
        Assert.SkipUnless(fixture.Target.MeshedAppChoice.IsReal, $"The real path is not taken here: {fixture.Target.MeshedAppChoice.Description}");

        // When
        var response = await fixture.Target.MeshedAppWhenProxyIsDown.SendAsync(AppRequest.Get("http://api.example.test.egress.local/down"), _cancellationToken);

        // Then: curl's exit 7, "Failed to connect", at the proxy-down pod's Service address
        Assert.Equal(AppFailureKind.ConnectionRefused, response.Failure?.Kind);
        Assert.Contains("curl exit 7", response.Failure!.Message);
    }
}
