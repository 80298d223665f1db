namespace EgressSpecs.Environments.Tests;

public sealed class ScenarioConnectionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_ConnectionThatCarriedThisScenariosRequest_IsItsEvenIfOpenedBefore()
    {
        // Given: a pooled connection opened before the scenario, reused for its request
        var connections = new[] { Connection("c1", Start.AddSeconds(-30)) };
        var requests = new[] { Request("/specs-mine/whoami", "c1") };

        // When
        var mine = ScenarioConnections.Of(connections, requests, "/specs-mine", Start);

        // Then
        Assert.Equal("c1", Assert.Single(mine).Id);
    }

    [Fact]
    public void Of_ConnectionThatCarriedAnotherScenariosRequest_IsNotIts()
    {
        // Given
        var connections = new[] { Connection("c1", Start.AddSeconds(1)) };
        var requests = new[] { Request("/specs-other/whoami", "c1") };

        // When
        var mine = ScenarioConnections.Of(connections, requests, "/specs-mine", Start);

        // Then
        Assert.Empty(mine);
    }

    [Fact]
    public void Of_RequestlessConnectionDuringTheScenario_Counts()
    {
        // Given: a handshake that carried no request (refused, abandoned, a tunnel)
        var connections = new[] { Connection("c1", Start.AddSeconds(1)), Connection(null, Start.AddSeconds(2)) };

        // When
        var mine = ScenarioConnections.Of(connections, [], "/specs-mine", Start);

        // Then
        Assert.Equal(2, mine.Count);
    }

    [Fact]
    public void Of_RequestlessConnectionOfAnEarlierScenario_DoesNotCount()
    {
        // Given
        var connections = new[] { Connection("c1", Start.AddSeconds(-1)) };

        // When
        var mine = ScenarioConnections.Of(connections, [], "/specs-mine", Start);

        // Then
        Assert.Empty(mine);
    }

    private static ObservedConnection Connection(string? id, DateTimeOffset acceptedAt) => new(acceptedAt, true, "x", "Tls13", id);

    private static ObservedRequest Request(string path, string connectionId) =>
        new("GET", path, "intranet.corp.test", new Dictionary<string, IReadOnlyList<string>>(), 0, string.Empty, "HTTP/1.1") { ConnectionId = connectionId };
}
