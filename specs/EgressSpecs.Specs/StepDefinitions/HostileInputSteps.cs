using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>Bytes on a raw connection to the proxy, and what it answered.</summary>
[Binding]
internal sealed class HostileInputSteps(RawProxyDriver raw)
{
    [Given("{int} connections to the egress proxy that each sent {string} and nothing more")]
    public Task GivenConnectionsThatEachSentAPartialRequest(int connections, string partial) => raw.DribbleAsync(connections, partial);

    [When("a client sends these lines to the egress proxy:")]
    public Task WhenAClientSendsTheseLines(string lines) => raw.SendLinesAsync(lines);

    [When("a client sends a request to {string} with {int} headers of {int} bytes each")]
    public Task WhenAClientSendsManyHeaders(string host, int count, int size) => raw.SendHeaderFloodAsync(host, count, size);

    [When("a client starts a TLS handshake with {string} on the egress proxy's plaintext port")]
    public Task WhenAClientStartsATlsHandshake(string host) => raw.SendTlsClientHelloAsync(host);

    [Then("the proxy refuses it with a 4xx status or by closing the connection")]
    public void ThenTheProxyRefusesIt()
    {
        var exchange = raw.LastExchange ?? throw new InvalidOperationException("Nothing was sent on a raw connection.");
        Assert.True(exchange.Refused, $"Expected a 4xx or a closed connection, got {exchange}.");
    }

    [Then("the proxy refuses it with status {int}")]
    public void ThenTheProxyRefusesItWithStatus(int status)
    {
        var exchange = raw.LastExchange ?? throw new InvalidOperationException("Nothing was sent on a raw connection.");
        Assert.True(exchange.StatusCode == status, $"Expected HTTP {status}, got {exchange}.");
    }
}
