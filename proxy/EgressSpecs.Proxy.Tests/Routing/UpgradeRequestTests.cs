using EgressSpecs.Proxy.Routing;
using Microsoft.Extensions.Primitives;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class UpgradeRequestTests
{
    [Theory]
    [InlineData(null, nameof(UpgradeKind.None))]
    [InlineData("", nameof(UpgradeKind.None))]
    [InlineData("h2c", nameof(UpgradeKind.H2c))]
    [InlineData("H2C", nameof(UpgradeKind.H2c))]
    [InlineData("websocket", nameof(UpgradeKind.WebSocket))]
    [InlineData("WebSocket", nameof(UpgradeKind.WebSocket))]
    [InlineData("foo", nameof(UpgradeKind.Other))]
    [InlineData("SPDY/3.1", nameof(UpgradeKind.Other))]
    [InlineData("h2c, websocket", nameof(UpgradeKind.Other))]
    [InlineData("websocket, websocket", nameof(UpgradeKind.Other))]
    [InlineData("TLS/1.0", nameof(UpgradeKind.Other))]
    public void Classify_UpgradeHeader_SaysWhatItAsksFor(string? upgrade, string expected) =>
        Assert.Equal(expected, UpgradeRequest.Classify(upgrade is null ? StringValues.Empty : new StringValues(upgrade)).ToString());

    [Fact]
    public void Classify_TwoUpgradeFields_IsNotAWebSocket() =>
        Assert.Equal(UpgradeKind.Other, UpgradeRequest.Classify(new StringValues(["websocket", "foo"])));
}
