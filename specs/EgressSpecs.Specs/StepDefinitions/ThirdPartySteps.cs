using System.Security.Authentication;
using EgressSpecs.Environments;
using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>What the third parties saw: requests, headers, TLS handshakes, connections.</summary>
[Binding]
internal sealed class ThirdPartySteps(ThirdPartyDriver thirdParties, AppDriver apps, RawProxyDriver raw)
{
    [Then("the third party {string} receives that request unchanged")]
    public async Task ThenTheThirdPartyReceivesThatRequestUnchanged(string host)
    {
        var sent = apps.LastRequest;
        var seen = await SingleRequestAsync(host);
        Assert.Equal(sent.Method, seen.Method);
        Assert.Equal(sent.Url.PathAndQuery, seen.PathAndQuery);
        foreach (var (name, value) in sent.Headers)
        {
            Assert.True(seen.Header(name) == value, $"Header {name}: sent '{value}', the third party saw '{seen.Header(name)}'.");
        }

        if (sent.Body is { } body)
        {
            Assert.Equal(body.Length, seen.BodyLength);
            Assert.Equal(body.Sha256, seen.BodySha256);
            Assert.Equal(body.ContentType, seen.Header("Content-Type"));
        }
    }

    [Then("the third party {string} receives {string}")]
    public async Task ThenTheThirdPartyReceives(string host, string requestLine)
    {
        var expected = HttpRequestText.ParseRequestLine(requestLine);
        var seen = await SingleRequestAsync(host);
        Assert.Equal(expected.Method, seen.Method);
        Assert.Equal(expected.PathAndQuery, thirdParties.Unisolate(seen));
    }

    [Then("the third party {string} sees the Host header {string}")]
    public async Task ThenTheThirdPartySeesTheHostHeader(string host, string hostHeader)
    {
        var seen = await SingleRequestAsync(host);
        // HTTP puts the port in Host when it is not the scheme's default; the name is what this rule is about.
        var name = seen.Host.Split(':')[0];
        Assert.True(name.Equals(hostHeader, StringComparison.OrdinalIgnoreCase), $"The third party saw Host '{seen.Host}', expected '{hostHeader}'.");
    }

    [Then("the third party {string} receives the same {int} MiB")]
    public async Task ThenTheThirdPartyReceivesTheSameBody(string host, int mebibytes)
    {
        var seen = await SingleRequestAsync(host);
        var length = mebibytes * 1024L * 1024;
        Assert.Equal(length, seen.BodyLength);
        Assert.Equal(GeneratedBody.Sha256(length), seen.BodySha256);
    }

    [Then("the third party {string} receives no request")]
    public async Task ThenTheThirdPartyReceivesNoRequest(string host)
    {
        var seen = await thirdParties.RequestsAsync(host);
        Assert.True(seen.Count == 0, $"{host} received {seen.Count} request(s): {string.Join(", ", seen.Select(r => $"{r.Method} {r.PathAndQuery}"))}.");
    }

    [Then("the third party {string} receives none of these headers:")]
    public async Task ThenTheThirdPartyReceivesNoneOfTheseHeaders(string host, DataTable headers)
    {
        var seen = await SingleRequestAsync(host);
        var leaked = headers.Rows.Select(row => row["header"]).Where(name => seen.Headers.ContainsKey(name)).ToList();
        Assert.True(leaked.Count == 0, $"{host} received: {string.Join(", ", leaked.Select(name => $"{name}: {seen.Header(name)}"))}.");
    }

    [Then("no header the third party {string} receives mentions {string}")]
    public async Task ThenNoHeaderMentions(string host, string text)
    {
        var seen = await SingleRequestAsync(host);
        var mentions = seen.Headers.Where(header => header.Value.Any(value => value.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(mentions.Count == 0, $"{host} received {string.Join(", ", mentions.Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))}.");
    }

    [Then("the third party {string} saw the TLS server name {string}")]
    public async Task ThenTheThirdPartySawTheTlsServerName(string host, string serverName)
    {
        var seen = await SingleRequestAsync(host);
        Assert.True(serverName.Equals(seen.Sni, StringComparison.OrdinalIgnoreCase), $"{host} saw SNI '{seen.Sni ?? "(none)"}', expected '{serverName}'.");
    }

    [Then("the third party {string} saw TLS 1.2 or newer")]
    public async Task ThenTheThirdPartySawTls12OrNewer(string host)
    {
        var seen = await SingleRequestAsync(host);
        Assert.True(seen.TlsProtocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"{host} saw {seen.TlsProtocol?.ToString() ?? "no TLS"}.");
    }

    [Then("the third party {string} saw those requests on at most {int} TLS connections")]
    public async Task ThenTheThirdPartySawThoseRequestsOnAtMostConnections(string host, int connections)
    {
        var seen = await thirdParties.RequestsAsync(host);
        Assert.Equal(apps.Exchanges.Count, seen.Count);

        // Without connection ids every request would count as one connection: that must fail, never pass.
        var unknown = seen.Count(request => string.IsNullOrEmpty(request.ConnectionId));
        Assert.True(unknown == 0, $"{host} recorded no connection id for {unknown} of {seen.Count} requests, so reuse cannot be judged.");
        var used = seen.Select(request => request.ConnectionId).Distinct().Count();
        Assert.True(used <= connections, $"{seen.Count} requests used {used} TLS connections: a new handshake almost every time.");
    }

    [Then("the third party {string} saw no connection")]
    public async Task ThenTheThirdPartySawNoConnection(string host) => await AssertNoConnectionAsync(thirdParties.ByHost(host));

    [Then("the internal service saw no connection")]
    public async Task ThenTheInternalServiceSawNoConnection() => await AssertNoConnectionAsync(thirdParties.ByRole(ThirdPartyRole.InternalService));

    private async Task AssertNoConnectionAsync(IThirdParty party)
    {
        var connections = await thirdParties.ConnectionsOfThisScenarioAsync(party);
        if (connections.Count > 0)
        {
            Assert.Fail($"{party.Host} accepted {connections.Count} connection(s) in this scenario, the first with SNI '{connections[0].Sni ?? "(none)"}' at {connections[0].AcceptedAt:O}.");
        }
    }

    private async Task<ObservedRequest> SingleRequestAsync(string host)
    {
        var seen = await thirdParties.RequestsAsync(host);
        // Say what the app got: "received 0" alone hides a call that never left the app (a name
        // that did not resolve), which is a different failure from a proxy that dropped it.
        Assert.True(
            seen.Count == 1,
            $"Expected {host} to receive this scenario's request once, it received {seen.Count}; "
            + (apps.Exchanges.Count > 0 ? $"the app got {apps.LastResponse}." : $"the raw exchange got {raw.LastExchange?.ToString() ?? "nothing"}."));
        return seen[0];
    }
}
