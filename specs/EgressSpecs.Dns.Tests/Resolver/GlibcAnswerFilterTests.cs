using System.Net;
using EgressSpecs.Dns.Resolver;

namespace EgressSpecs.Dns.Tests.Resolver;

public sealed class GlibcAnswerFilterTests
{
    [Fact]
    public void UsableAddresses_OwnerEqualsQuestionInOtherCase_KeepsRecord()
    {
        // Given
        DnsAnswerRecord[] answers = [new("FOO.egress.local.", "A", "127.0.0.1", 5)];

        // When
        var addresses = GlibcAnswerFilter.UsableAddresses("foo.egress.local", answers);

        // Then
        Assert.Equal([IPAddress.Parse("127.0.0.1")], addresses);
    }

    [Fact]
    public void UsableAddresses_OwnerIsAnotherName_DropsRecord()
    {
        // Given
        DnsAnswerRecord[] answers = [new(RuleTexts.ProxyName, "A", "127.0.0.1", 5)];

        // When
        var addresses = GlibcAnswerFilter.UsableAddresses("foo.egress.local.", answers);

        // Then
        Assert.Empty(addresses);
    }

    [Fact]
    public void UsableAddresses_OwnerReachedThroughCnameChain_KeepsRecord()
    {
        // Given
        DnsAnswerRecord[] answers =
        [
            new("foo.egress.local.", "CNAME", "mid.example.", 5),
            new("mid.example.", "CNAME", RuleTexts.ProxyName, 5),
            new(RuleTexts.ProxyName, "A", "127.0.0.1", 5),
        ];

        // When
        var addresses = GlibcAnswerFilter.UsableAddresses("foo.egress.local.", answers);

        // Then
        Assert.Equal([IPAddress.Parse("127.0.0.1")], addresses);
    }

    [Fact]
    public void UsableAddresses_RecordBeforeTheCnameThatNamesIt_IsDropped()
    {
        // Given: glibc walks the answer in order, so an A record listed before its CNAME does not count.
        DnsAnswerRecord[] answers =
        [
            new(RuleTexts.ProxyName, "A", "127.0.0.1", 5),
            new("foo.egress.local.", "CNAME", RuleTexts.ProxyName, 5),
        ];

        // When
        var addresses = GlibcAnswerFilter.UsableAddresses("foo.egress.local.", answers);

        // Then
        Assert.Empty(addresses);
    }
}
