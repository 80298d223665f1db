using EgressSpecs.Environments;
using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>What the app got back.</summary>
[Binding]
internal sealed class ResponseSteps(AppDriver apps)
{
    [Then("the app receives status {int}")]
    public void ThenTheAppReceivesStatus(int status) =>
        Assert.True(apps.LastResponse.StatusCode == status, $"Expected HTTP {status}, got {Describe(apps.LastResponse)}.");

    [Then("the app receives a 4xx status")]
    public void ThenTheAppReceivesA4xxStatus() =>
        Assert.True(apps.LastResponse.StatusCode is >= 400 and < 500, $"Expected a 4xx refusal, got {Describe(apps.LastResponse)}.");

    [Then("the answer comes from the destination")]
    public void ThenTheAnswerComesFromTheDestination()
    {
        var answer = EgressAnswer.Of(apps.LastResponse);
        Assert.True(answer.FromDestination, $"Expected {Called()} to be answered by the destination; {answer}.");
    }

    [Then("the destination answers with status {int}")]
    public void ThenTheDestinationAnswersWithStatus(int status)
    {
        var answer = EgressAnswer.Of(apps.LastResponse);
        Assert.True(answer.FromDestination && answer.Response.StatusCode == status, $"Expected the destination to answer {Called()} with HTTP {status}; {answer}.");
    }

    [Then("the egress proxy refuses the call")]
    public void ThenTheEgressProxyRefusesTheCall()
    {
        // Any 4xx but the mesh's own: a proxy other than ours may refuse without a problem body.
        var answer = EgressAnswer.Of(apps.LastResponse);
        Assert.True(answer.Response.StatusCode is >= 400 and < 500 && answer.MeshError is null, $"Expected the egress proxy to refuse {Called()}; {answer}.");
    }

    [Then("the egress proxy refuses the call with the reason {string}")]
    public void ThenTheEgressProxyRefusesTheCallWithTheReason(string reason)
    {
        var answer = EgressAnswer.Of(apps.LastResponse);
        Assert.True(
            answer.Response.StatusCode is >= 400 and < 500 && answer.ProxyReason == reason,
            $"Expected the egress proxy to refuse {Called()} with the reason {reason}; {answer}.");
    }

    [Then("every response has status {int}")]
    public void ThenEveryResponseHasStatus(int status)
    {
        var others = apps.Exchanges.Where(exchange => exchange.Response.StatusCode != status).ToList();
        Assert.True(others.Count == 0, $"{others.Count} of {apps.Exchanges.Count} responses were not HTTP {status}, e.g. {others.Select(o => Describe(o.Response)).FirstOrDefault()}.");
    }

    [Then("the Location header is {string}")]
    public void ThenTheLocationHeaderIs(string location) => Assert.Equal(location, apps.LastResponse.Header("Location"));

    [Then("the app receives the {int} MiB the third party sent")]
    public void ThenTheAppReceivesTheBodyTheThirdPartySent(int mebibytes)
    {
        var length = mebibytes * 1024L * 1024;
        Assert.Equal(length, apps.LastResponse.Body.LongLength);
        Assert.Equal(GeneratedBody.Sha256(length), apps.LastResponse.BodySha256);
    }

    [Then("the call fails because the name does not resolve")]
    public void ThenTheCallFailsBecauseTheNameDoesNotResolve() => AssertFailure(AppFailureKind.NameNotResolved);

    [Then("the call fails because the connection is refused")]
    public void ThenTheCallFailsBecauseTheConnectionIsRefused() => AssertFailure(AppFailureKind.ConnectionRefused);

    [Then("the network blocks the call")]
    public void ThenTheNetworkBlocksTheCall() =>
        // A name that does not resolve or a certificate curl refuses fails the call without any block: that must not pass.
        Assert.True(apps.LastResponse.Failure is { IsNetworkBlock: true },
            $"Expected the network to block the call (connection refused, reset or dropped), got {Describe(apps.LastResponse)}.");

    [Then("the call is refused")]
    public void ThenTheCallIsRefused() =>
        // Linkerd answers an unauthenticated HTTP client with 403, or resets a connection it cannot read as HTTP.
        Assert.True(apps.LastResponse.Failure is not null || apps.LastResponse.StatusCode is >= 400 and < 500,
            $"Expected the call to be refused (a failed connection or a 4xx), got {Describe(apps.LastResponse)}.");

    private string Called() => $"{apps.LastRequest.Method} {apps.LastRequest.Url}";

    private void AssertFailure(AppFailureKind kind) =>
        Assert.True(apps.LastResponse.Failure?.Kind == kind, $"Expected the call to fail with {kind}, got {Describe(apps.LastResponse)}.");

    private static string Describe(AppResponse response) =>
        response.Failure is null && response.Body.Length is > 0 and < 2048 ? $"{response} {response.BodyText}" : response.ToString();
}
