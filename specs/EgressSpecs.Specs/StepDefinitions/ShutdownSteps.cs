using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>A proxy of the scenario's own, stopped as Kubernetes stops a pod.</summary>
[Binding]
internal sealed class ShutdownSteps(OwnProxyDriver ownProxy, ThirdPartyDriver thirdParties)
{
    [Given("an egress proxy of the scenario's own with a readiness delay of {int} s and a drain timeout of {int} s")]
    public Task GivenAnOwnProxy(int readinessDelay, int drainTimeout) =>
        ownProxy.StartAsync(TimeSpan.FromSeconds(readinessDelay), TimeSpan.FromSeconds(drainTimeout));

    [Given("the meshed app is downloading {string} from {string} through it")]
    public Task GivenADownloadInFlight(string path, string host) =>
        ownProxy.StartDownloadAsync(host, path, thirdParties.ByHost(host.Replace(".egress.local", string.Empty, StringComparison.OrdinalIgnoreCase)));

    [When("the proxy receives SIGTERM")]
    public Task WhenTheProxyReceivesSigterm() => ownProxy.TerminateAsync();

    [Then("its readiness turns 503 before its listeners close")]
    public Task ThenItsReadinessTurns503() => ownProxy.WaitForReadinessAsync(503, ownProxy.ReadinessDelay);

    [Then("the download completes in full")]
    public async Task ThenTheDownloadCompletesInFull()
    {
        var response = await ownProxy.DownloadAsync();
        Assert.True(response.StatusCode == 200, $"The download in flight did not complete: {response}.");
        var promised = long.Parse(response.Header("Content-Length") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(promised, response.Body.LongLength);
        Assert.Equal(GeneratedBody.Sha256(promised), response.BodySha256);
    }

    [Then("the proxy exits with code 0 within the readiness delay and the drain timeout")]
    public async Task ThenTheProxyExitsWithCode0()
    {
        var within = ownProxy.ReadinessDelay + ownProxy.DrainTimeout;
        var exitCode = await ownProxy.ExitCodeWithinAsync(within);
        Assert.True(exitCode == 0, exitCode is null ? $"The proxy was still running {within.TotalSeconds:0} s after SIGTERM." : $"The proxy exited with code {exitCode}.");
    }

    [AfterScenario]
    public async Task StopTheOwnProxyAsync() => await ownProxy.DisposeAsync();
}
