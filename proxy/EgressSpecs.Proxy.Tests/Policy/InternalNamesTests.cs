using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class InternalNamesTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("app.localhost")]
    [InlineData("kubernetes")]
    [InlineData("kubernetes.default.svc")]
    [InlineData("kubernetes.default.svc.cluster.local")]
    [InlineData("metadata.google.internal")]
    [InlineData("printer.local")]
    [InlineData("1.0.0.127.in-addr.arpa")]
    [InlineData("vault.corp.example")]
    [InlineData("db.intra.example.com")]
    public void Contains_InternalName_IsTrue(string name)
    {
        // Given built-ins plus configured names
        var names = new InternalNames(["vault.corp.example", "*.intra.example.com"]);

        // When / Then
        Assert.True(names.Contains(name));
    }

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("svc.example.com")]
    [InlineData("localhost.example.com")]
    [InlineData("intra.example.com")]
    public void Contains_PublicName_IsFalse(string name)
    {
        // Given
        var names = new InternalNames(["*.intra.example.com"]);

        // When / Then
        Assert.False(names.Contains(name));
    }
}
