using EgressSpecs.Environments.Local;
namespace EgressSpecs.Environments.Tests.Local;

public sealed class ProxyProcessTests
{
    [Theory]
    [InlineData("info: EgressSpecs.Proxy[0] Endpoint Proxy listening on http://127.0.0.1:40123", "Proxy", "http://127.0.0.1:40123/")]
    [InlineData("Endpoint Admin listening on http://127.0.0.1:40124.", "Admin", "http://127.0.0.1:40124/")]
    [InlineData("""{"Message":"Endpoint Admin listening on http://[::1]:5000"}""", "Admin", "http://[::1]:5000/")]
    public void TryParseListeningLine_StartupLine_GivesEndpointNameAndUrl(string line, string expectedName, string expectedUrl)
    {
        // When
        var parsed = ProxyProcess.TryParseListeningLine(line, out var name, out var url);

        // Then
        Assert.True(parsed);
        Assert.Equal(expectedName, name);
        Assert.Equal(new Uri(expectedUrl), url);
    }

    [Theory]
    [InlineData("Now listening on: http://127.0.0.1:40123")]
    [InlineData("Endpoint Metrics listening on http://127.0.0.1:1")]
    public void TryParseListeningLine_OtherLine_IsIgnored(string line)
    {
        // When / Then
        Assert.False(ProxyProcess.TryParseListeningLine(line, out _, out _));
    }

    [Fact]
    public async Task StartAsync_ProcessExitsBeforeListening_FailsWithItsOutput()
    {
        // Given
        var missingDll = Path.Combine(Path.GetTempPath(), $"egress-specs-missing-{Guid.NewGuid():N}.dll");

        // When
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ProxyProcess.StartAsync(
            missingDll, new Dictionary<string, string>(), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("exited with code", failure.Message);
        Assert.Contains(Path.GetFileName(missingDll), failure.Message);
    }
}
