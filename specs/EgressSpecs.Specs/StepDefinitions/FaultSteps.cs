using System.Text.Json;
using EgressSpecs.Environments;
using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>How a failed exchange ended, and that the proxy serves again afterwards.</summary>
[Binding]
internal sealed class FaultSteps(AppDriver apps)
{
    [Then("the app receives status {int} with reason {string}")]
    public void ThenTheAppReceivesStatusWithReason(int status, string reason)
    {
        var response = apps.LastResponse;
        Assert.True(response.StatusCode == status, $"Expected HTTP {status} {reason}, got {response} {response.BodyText}.");
        Assert.Equal(reason, ReasonOf(response));
    }

    [Then("the app never receives a complete response")]
    public void ThenTheAppNeverReceivesACompleteResponse()
    {
        // Before the upstream's answer started the proxy can say 502; after, it can only cut the client off.
        var response = apps.LastResponse;
        var complete = response.Failure is null && response.StatusCode is < 500;
        Assert.False(complete, $"Expected a 502 or a cut-off response, got {response}.");
        if (response.StatusCode is { } status)
        {
            Assert.Equal(502, status);
        }
    }

    [Then("the app receives the whole body the third party promised")]
    public void ThenTheAppReceivesTheWholeBody()
    {
        var response = apps.LastResponse;
        Assert.True(response.StatusCode == 200, $"Expected HTTP 200, got {response}.");
        var promised = long.Parse(response.Header("Content-Length") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(promised, response.Body.LongLength);
        Assert.Equal(GeneratedBody.Sha256(promised), response.BodySha256);
    }

    [Then("a normal request to {string} succeeds")]
    public async Task ThenANormalRequestSucceeds(string host)
    {
        var response = await apps.SendFromMeshedAppAsync(HttpRequestText.ParseRequestLine("GET /afterwards"), host);
        Assert.True(response.StatusCode == 200, $"The proxy did not serve a normal request afterwards: {response}.");
    }

    private static string? ReasonOf(AppResponse response)
    {
        try
        {
            using var problem = JsonDocument.Parse(response.Body);
            return problem.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
