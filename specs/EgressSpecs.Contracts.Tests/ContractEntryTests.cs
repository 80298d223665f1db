namespace EgressSpecs.Contracts.Tests;

public sealed class ContractEntryTests
{
    [Fact]
    public void Name_ReachableWithStatus_SaysTheTargetAnswersThatStatus() =>
        Assert.Equal("api.github.com/zen answers 200 through the egress path", new ReachableEntry("api.github.com", "/zen", 200) { Line = 1 }.Name);

    [Fact]
    public void Name_ReachableWithoutStatus_SaysTheTargetAnswers() =>
        Assert.Equal("api.github.com/ answers through the egress path", new ReachableEntry("api.github.com", "/", null) { Line = 1 }.Name);

    [Fact]
    public void Name_RefusedWithReason_NamesTheReason() =>
        Assert.Equal("example.org is refused by the egress proxy (not_allowed)", new RefusedEntry("example.org", "not_allowed") { Line = 1 }.Name);

    [Fact]
    public void Name_RefusedWithoutReason_SaysItIsRefused() =>
        Assert.Equal("example.org is refused by the egress proxy", new RefusedEntry("example.org", null) { Line = 1 }.Name);

    [Fact]
    public void Name_BlockedDirect_NamesTheUrl() =>
        Assert.Equal("https://api.github.com/ is blocked for direct calls", new BlockedDirectEntry(new Uri("https://api.github.com")) { Line = 1 }.Name);
}
