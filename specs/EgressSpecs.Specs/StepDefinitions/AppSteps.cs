using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>The calls apps make: from the mesh, from outside, from an unmeshed pod.</summary>
[Binding]
internal sealed class AppSteps(AppDriver apps)
{
    [Given("the egress proxy is down")]
    public void GivenTheEgressProxyIsDown() => apps.TakeProxyDown();

    [When("the meshed app sends this request to {string}:")]
    public Task WhenTheMeshedAppSendsThisRequest(string host, string request) =>
        apps.SendFromMeshedAppAsync(HttpRequestText.Parse(request), host);

    [When("the meshed app sends {string} to {string}")]
    public Task WhenTheMeshedAppSends(string requestLine, string host) =>
        apps.SendFromMeshedAppAsync(HttpRequestText.ParseRequestLine(requestLine), host);

    [When("the meshed app sends {string} to {string} {int} times in a row")]
    public async Task WhenTheMeshedAppSendsRepeatedly(string requestLine, string host, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await apps.SendFromMeshedAppAsync(HttpRequestText.ParseRequestLine(requestLine), host);
        }
    }

    [When("the meshed app sends {string} to the egress proxy with the Host header {string}")]
    public Task WhenTheMeshedAppSendsWithHostHeader(string requestLine, string hostHeader) =>
        apps.SendToProxyServiceAsync(HttpRequestText.ParseRequestLine(requestLine), hostHeader);

    [When("the meshed app requests {string} through the egress path")]
    public Task WhenTheMeshedAppRequestsThroughTheEgressPath(string target) => apps.RequestThroughEgressPathAsync(target);

    [When("the meshed app uploads {int} MiB to {string}")]
    public Task WhenTheMeshedAppUploads(int mebibytes, string host) => apps.UploadAsync(host, mebibytes * 1024L * 1024);

    [When("the meshed app downloads {int} MiB from {string}")]
    public Task WhenTheMeshedAppDownloads(int mebibytes, string host) => apps.DownloadAsync(host, mebibytes * 1024L * 1024);

    [When("an app outside the cluster sends {string} to {string}")]
    public Task WhenAnAppOutsideTheClusterSends(string requestLine, string host) =>
        apps.SendFromOutsideAsync(HttpRequestText.ParseRequestLine(requestLine), host);

    [When("an unmeshed pod sends {string} to {string}")]
    public Task WhenAnUnmeshedPodSends(string requestLine, string host) =>
        apps.SendFromUnmeshedPodAsync(HttpRequestText.ParseRequestLine(requestLine), host);

    [When("the meshed app calls {string} directly")]
    public Task WhenTheMeshedAppCallsDirectly(string url) => apps.SendDirectlyAsync(url);
}
