using System.Net.Sockets;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;

namespace EgressSpecs.Dns.Tests.Server;

/// <summary>A question label with bytes outside ASCII: CoreDNS keeps every byte (miekg/dns writes them as \DDD); so must the stand-in.</summary>
public sealed class NonAsciiQuestionTests
{
    // "caf\xC3\xA9.egress.local." (café, UTF-8), type A, class IN.
    private static readonly byte[] Question =
    [
        5, (byte)'c', (byte)'a', (byte)'f', 0xC3, 0xA9,
        6, (byte)'e', (byte)'g', (byte)'r', (byte)'e', (byte)'s', (byte)'s',
        5, (byte)'l', (byte)'o', (byte)'c', (byte)'a', (byte)'l',
        0,
        0, 1, 0, 1,
    ];

    [Fact]
    public async Task Query_LabelWithNonAsciiBytes_IsEchoedByteForByteAndAnsweredForTheSameName()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        using var client = new UdpClient(server.EndPoint.AddressFamily);
        byte[] query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, .. Question];

        // When
        await client.SendAsync(query, server.EndPoint, TestContext.Current.CancellationToken);
        var response = (await client.ReceiveAsync(TestContext.Current.CancellationToken)).Buffer;

        // Then
        Assert.Equal(0x12, response[0]);
        Assert.Equal(0x34, response[1]);
        Assert.True((response[3] & 0x0F) == 0, Convert.ToHexString(response)); // NOERROR
        Assert.Equal(Question, response[12..(12 + Question.Length)]);
        var answerOwner = response[(12 + Question.Length)..(12 + Question.Length + Question.Length - 4)];
        Assert.Equal(Question[..^4], answerOwner);
        var seen = Assert.Single(server.QuestionsSeen);
        Assert.Equal(@"caf\195\169.egress.local.", seen.Name);
        Assert.Equal(RuleTexts.ProxyName, seen.NameAfterRewrite);
    }

    [Fact]
    public void Rewrite_NameInPresentationForm_RuleSeesTheEscapedBytesAsCoreDnsDoes()
    {
        // Given: in CoreDNS the rule matches the text "caf\195\169.", so a pattern may name the escape.
        var rules = RewriteRuleSet.Parse(@"rewrite name regex ^caf\\195\\169\.egress\.local\.$ proxy.egress.svc.cluster.local. answer auto");

        // When
        var outcome = rules.Rewrite(@"caf\195\169.egress.local.");

        // Then
        Assert.Equal(RuleTexts.ProxyName, outcome.RewrittenName);
    }

    [Theory]
    [InlineData(new byte[] { 1, (byte)'a', 0 }, "a.")]
    [InlineData(new byte[] { 3, (byte)'a', (byte)'.', (byte)'b', 0 }, @"a\.b.")]
    [InlineData(new byte[] { 2, 0x00, (byte)' ', 0 }, @"\000\ .")]
    [InlineData(new byte[] { 0 }, ".")]
    public void WireName_PresentationRoundTrip_KeepsEveryByte(byte[] wire, string presentation)
    {
        // Given
        var labels = new List<byte[]>();
        for (var offset = 0; wire[offset] != 0; offset += wire[offset] + 1)
        {
            labels.Add(wire[(offset + 1)..(offset + 1 + wire[offset])]);
        }

        // When
        var text = DnsWireName.ToPresentation(labels);
        var back = DnsWireName.ToWire(text);

        // Then
        Assert.Equal(presentation, text);
        Assert.Equal(wire, back);
    }
}
