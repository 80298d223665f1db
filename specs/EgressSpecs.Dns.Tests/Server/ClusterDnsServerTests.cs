using System.Net;
using System.Net.Sockets;
using EgressSpecs.Dns.Resolver;
using EgressSpecs.Dns.Server;

namespace EgressSpecs.Dns.Tests.Server;

public sealed class ClusterDnsServerTests
{
    [Theory]
    [InlineData(DnsTransport.Udp)]
    [InlineData(DnsTransport.Tcp)]
    public async Task Query_RewrittenName_AnswersProxyAddressOverTransport(DnsTransport transport)
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint, transport);

        // When
        var response = await resolver.QueryAsync("api.example.test.egress.local", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        var answer = Assert.Single(response.Answers);
        Assert.Equal("127.0.0.1", answer.Data);
        Assert.InRange(answer.TimeToLive, 1, 30);
        var seen = Assert.Single(server.QuestionsSeen);
        Assert.Equal(transport == DnsTransport.Tcp ? "tcp" : "udp", seen.Transport);
        Assert.Equal(RuleTexts.ProxyName, seen.NameAfterRewrite);
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopbackWithSamePortForUdpAndTcp()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);

        // When
        var udp = await new GlibcLikeResolver(server.EndPoint, DnsTransport.Udp).QueryAsync("localhost", DnsQueryType.A, TestContext.Current.CancellationToken);
        var tcp = await new GlibcLikeResolver(server.EndPoint, DnsTransport.Tcp).QueryAsync("localhost", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        Assert.NotEqual(0, server.EndPoint.Port);
        Assert.Equal(DnsResponseCode.NoError, udp.ResponseCode);
        Assert.Equal(DnsResponseCode.NoError, tcp.ResponseCode);
    }

    [Fact]
    public async Task StartAsync_FixedPortInUse_ThrowsSocketException()
    {
        // Given
        await using var first = await TestServers.StartAsync(RuleTexts.FixedRule);
        var options = new ClusterDnsOptions { Port = first.EndPoint.Port };

        // When
        var exception = await Record.ExceptionAsync(() => ClusterDnsServer.StartAsync(options, TestContext.Current.CancellationToken));

        // Then
        Assert.IsType<SocketException>(exception);
    }

    [Fact]
    public async Task Query_UnknownName_IsNxDomainWithQuestionEchoed()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var response = await resolver.QueryAsync("nothing.example.test", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(DnsResponseCode.NxDomain, response.ResponseCode);
        Assert.Equal("nothing.example.test.", response.QuestionName);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task Query_AaaaForKnownName_IsNoDataNotNxDomain()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var response = await resolver.QueryAsync("api.example.test.egress.local", DnsQueryType.Aaaa, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Equal("AAAA", Assert.Single(server.QuestionsSeen).RecordType);
    }

    [Fact]
    public async Task Query_NameWithAnIPv6Record_AnswersAaaaAndLeavesAEmpty()
    {
        // Given
        await using var server = await ClusterDnsServer.StartAsync(
            new ClusterDnsOptions { Records = new Dictionary<string, IPAddress> { ["documentation.example.test."] = IPAddress.Parse("3fff::1") } },
            TestContext.Current.CancellationToken);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var aaaa = await resolver.QueryAsync("documentation.example.test", DnsQueryType.Aaaa, TestContext.Current.CancellationToken);
        var a = await resolver.QueryAsync("documentation.example.test", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("3fff::1", Assert.Single(aaaa.Answers).Data);
        Assert.Equal(DnsResponseCode.NoError, a.ResponseCode);
        Assert.Empty(a.Answers);
    }

    [Fact]
    public async Task Query_InternetNameWithoutSuffix_AnswersFromTableUnrewritten()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var response = await resolver.QueryAsync("api.example.test", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        var answer = Assert.Single(response.Answers);
        Assert.Equal("api.example.test.", answer.OwnerName);
        Assert.Equal("127.0.0.2", answer.Data);
    }

    [Fact]
    public async Task Query_MixedCaseQuestion_IsEchoedAsAsked()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var response = await resolver.QueryAsync("API.Example.Test.Egress.Local", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("API.Example.Test.Egress.Local.", response.QuestionName);
        // The owner may come back in the question's spelling (name compression points at the question); resolvers compare case-insensitively.
        Assert.Equal("api.example.test.egress.local.", Assert.Single(response.Answers).OwnerName, ignoreCase: true);
    }

    [Fact]
    public async Task Query_LoneContinueRuleWithoutAnswer_ComesBackWithTheRewrittenQuestionAsFromCoreDns()
    {
        // Given
        await using var server = await TestServers.StartAsync("rewrite continue name suffix .egress.local. .egress.svc.cluster.local.");
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var response = await resolver.QueryAsync("proxy.egress.local", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("proxy.egress.svc.cluster.local.", response.QuestionName);
    }

    [Fact]
    public async Task QuestionsSeen_SeveralQueries_RecordsEachInOrder()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        await resolver.QueryAsync("a.egress.local", DnsQueryType.A, TestContext.Current.CancellationToken);
        await resolver.QueryAsync("unknown.test", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Collection(
            server.QuestionsSeen,
            first => Assert.Equal(("a.egress.local.", DnsResponseCode.NoError), (first.Name, first.ResponseCode)),
            second => Assert.Equal(("unknown.test.", DnsResponseCode.NxDomain), (second.Name, second.ResponseCode)));
    }

    [Fact]
    public async Task DisposeAsync_AfterStop_QueriesGetNoAnswer()
    {
        // Given
        var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint, DnsTransport.Tcp, TimeSpan.FromMilliseconds(500));

        // When
        await server.DisposeAsync();
        var exception = await Record.ExceptionAsync(() => resolver.QueryAsync("localhost", DnsQueryType.A, TestContext.Current.CancellationToken));

        // Then
        Assert.IsType<DnsQueryException>(exception);
    }
}
