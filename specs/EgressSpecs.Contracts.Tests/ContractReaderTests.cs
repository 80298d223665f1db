namespace EgressSpecs.Contracts.Tests;

public sealed class ContractReaderTests
{
    private const string File = "/contracts/cluster.yaml";

    [Fact]
    public void Parse_ContractWithEverySection_ReadsEachEntryWithItsLine()
    {
        // Given
        const string text = """
            # What this cluster's egress must allow and refuse.
            reachable:
              - host: api.github.com
                path: /zen
                status: 200
            refused:
              - host: example.org
                reason: not_allowed
            blockedDirect:
              - url: https://api.github.com/
            """;

        // When
        var contract = ContractReader.Parse(text, File);

        // Then
        Assert.Equal(File, contract.File);
        Assert.Equal([new ReachableEntry("api.github.com", "/zen", 200) { Line = 3 }], contract.Reachable);
        Assert.Equal([new RefusedEntry("example.org", "not_allowed") { Line = 7 }], contract.Refused);
        Assert.Equal([new BlockedDirectEntry(new Uri("https://api.github.com/")) { Line = 10 }], contract.BlockedDirect);
        Assert.Equal("1 reachable, 1 refused, 1 blockedDirect", contract.Counts);
    }

    [Fact]
    public void Parse_OptionalValuesLeftOut_PathIsSlashStatusAndReasonAreAny()
    {
        // Given
        const string text = """
            reachable:
              - host: API.GitHub.com
            refused:
              - host: example.org
            """;

        // When
        var contract = ContractReader.Parse(text, File);

        // Then
        Assert.Equal(new ReachableEntry("api.github.com", "/", null) { Line = 2 }, Assert.Single(contract.Reachable));
        Assert.Equal(new RefusedEntry("example.org", null) { Line = 4 }, Assert.Single(contract.Refused));
        Assert.Empty(contract.BlockedDirect);
    }

    [Fact]
    public void Parse_SectionWithoutEntries_IsEmptyWhileAnotherHasSome()
    {
        // Given
        const string text = """
            reachable:
            refused: []
            blockedDirect:
              - url: http://169.254.169.254/latest/meta-data/
            """;

        // When
        var contract = ContractReader.Parse(text, File);

        // Then
        Assert.Equal((0, 0, 1), (contract.Reachable.Count, contract.Refused.Count, contract.BlockedDirect.Count));
    }

    [Theory]
    [InlineData("reachables:\n  - host: a.example\n", 1, "reachables", "unknown key; the contract's keys are reachable, refused, blockedDirect")]
    [InlineData("reachable:\n  - host: a.example\n    stauts: 200\n", 3, "reachable[0].stauts", "unknown key; an entry of reachable has host, path, status")]
    [InlineData("refused:\n  - host: a.example\n    path: /x\n", 3, "refused[0].path", "unknown key; an entry of refused has host, reason")]
    [InlineData("blockedDirect:\n  - host: a.example\n", 2, "blockedDirect[0].host", "unknown key; an entry of blockedDirect has url")]
    public void Parse_UnknownKey_FailsWithTheLineAndTheKeysThatExist(string text, int line, string field, string problem) =>
        AssertRejected(text, line, field, problem);

    [Theory]
    [InlineData("status: 700", "'700' is not an HTTP status (a whole number from 100 to 599)")]
    [InlineData("status: 99", "'99' is not an HTTP status (a whole number from 100 to 599)")]
    [InlineData("status: ok", "'ok' is not an HTTP status (a whole number from 100 to 599)")]
    [InlineData("status: -200", "'-200' is not an HTTP status (a whole number from 100 to 599)")]
    [InlineData("status: 200.0", "'200.0' is not an HTTP status (a whole number from 100 to 599)")]
    public void Parse_StatusNotAnHttpStatus_FailsAtThatField(string status, string problem) =>
        AssertRejected($"reachable:\n  - host: a.example\n    {status}\n", 3, "reachable[0].status", problem);

    [Theory]
    [InlineData("api..github.com")]
    [InlineData("-api.github.com")]
    [InlineData("api-.github.com")]
    [InlineData("api_v2.github.com")]
    [InlineData("api.github.com.")]
    [InlineData("https://api.github.com")]
    [InlineData("api.github.com:443")]
    public void Parse_HostNotADnsName_FailsAtThatField(string host) =>
        AssertRejected(
            $"refused:\n  - host: \"{host}\"\n", 2, "refused[0].host",
            $"'{host}' is not a DNS name (dot-separated labels of 1-63 letters, digits and inner hyphens, 253 characters at most, no trailing dot)");

    [Fact]
    public void Parse_HostLongerThan253Characters_IsNotADnsName()
    {
        // Given
        var host = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        // When
        var exception = Assert.Throws<ContractException>(() => ContractReader.Parse($"refused:\n  - host: {host}\n", File));

        // Then
        Assert.StartsWith($"'{host}' is not a DNS name", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostIsAnEgressName_SaysToWriteTheDestinationItself() =>
        AssertRejected(
            "reachable:\n  - host: api.github.com.egress.local\n", 2, "reachable[0].host",
            "'api.github.com.egress.local' is an egress name: write the destination's own name ('api.github.com'); the run adds .egress.local");

    [Theory]
    [InlineData("zen", "'zen' does not start with '/'")]
    [InlineData("\"/a b\"", "'/a b' holds a character a URL path cannot: U+0020 (percent-encode it)")]
    [InlineData("/a\\\"b", "'/a\\\"b' holds a character a URL path cannot: '\\' (percent-encode it)")]
    [InlineData("/docs#intro", "'/docs#intro' holds a character a URL path cannot: '#' (percent-encode it)")]
    [InlineData("/100%", "'/100%' has a '%' not followed by two hexadecimal digits")]
    public void Parse_PathNotAUrlPath_FailsAtThatField(string path, string problem) =>
        AssertRejected($"reachable:\n  - host: a.example\n    path: {path}\n", 3, "reachable[0].path", problem);

    [Fact]
    public void Parse_PathWithQueryAndPercentEscapes_IsKeptAsWritten()
    {
        // Given
        const string text = "reachable:\n  - host: a.example\n    path: /search?q=egress%20proxy&page=2\n";

        // When
        var entry = Assert.Single(ContractReader.Parse(text, File).Reachable);

        // Then
        Assert.Equal("/search?q=egress%20proxy&page=2", entry.Path);
    }

    [Theory]
    [InlineData("ftp://files.example/")]
    [InlineData("api.github.com")]
    [InlineData("/relative/path")]
    [InlineData("https://")]
    public void Parse_UrlNotAbsoluteHttp_FailsAtThatField(string url) =>
        AssertRejected($"blockedDirect:\n  - url: {url}\n", 2, "blockedDirect[0].url", $"'{url}' is not an absolute http:// or https:// URL");

    [Fact]
    public void Parse_UrlWithAnInvalidHostName_NamesTheHost() =>
        AssertRejected(
            "blockedDirect:\n  - url: https://bad_name.example/\n", 2, "blockedDirect[0].url",
            "'bad_name.example' is not a DNS name (dot-separated labels of 1-63 letters, digits and inner hyphens, 253 characters at most, no trailing dot)");

    [Theory]
    [InlineData("Not Allowed")]
    [InlineData("NOT_ALLOWED")]
    [InlineData("403")]
    public void Parse_ReasonNotAReasonCode_FailsAtThatField(string reason) =>
        AssertRejected(
            $"refused:\n  - host: a.example\n    reason: \"{reason}\"\n", 3, "refused[0].reason",
            $"'{reason}' is not a reason code (lowercase letters, digits and underscores, as the proxy's not_allowed)");

    [Theory]
    [InlineData("reachable:\n  - path: /zen\n", 2, "reachable[0]", "'host' is missing")]
    [InlineData("blockedDirect:\n  - {}\n", 2, "blockedDirect[0]", "'url' is missing")]
    [InlineData("reachable:\n  - host:\n", 2, "reachable[0].host", "no value")]
    [InlineData("reachable:\n  - host: [a.example, b.example]\n", 2, "reachable[0].host", "a single value, not a list or a mapping")]
    [InlineData("reachable:\n  - api.github.com\n", 2, "reachable[0]", "an entry is a mapping of keys to values, such as '- host: ...'")]
    [InlineData("blockedDirect:\n  - https://x.example/\n", 2, "blockedDirect[0]", "an entry is a mapping of keys to values, such as '- url: https://...'")]
    [InlineData("reachable:\n  host: api.github.com\n", 2, "reachable", "a list of entries, each starting with '- '")]
    public void Parse_EntryOfTheWrongShape_FailsAtThatEntry(string text, int line, string field, string problem) =>
        AssertRejected(text, line, field, problem);

    [Fact]
    public void Parse_NotValidYaml_NamesTheLineWhereYamlFailed()
    {
        // Given
        const string text = "reachable:\n  - host: a.example\n    path: /zen\n   status: 200\n";

        // When
        var exception = Assert.Throws<ContractException>(() => ContractReader.Parse(text, File));

        // Then
        Assert.Equal(File, exception.File);
        Assert.NotNull(exception.Line);
        Assert.InRange(exception.Line.Value, 3, 4);
        Assert.StartsWith("not valid YAML: ", exception.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyTwiceInAnEntry_IsNotValidYaml()
    {
        // Given
        const string text = "reachable:\n  - host: a.example\n    host: b.example\n";

        // When
        var exception = Assert.Throws<ContractException>(() => ContractReader.Parse(text, File));

        // Then
        Assert.Equal(3, exception.Line);
        Assert.StartsWith("not valid YAML: ", exception.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_Empty_SaysWhatToList(string text) =>
        AssertRejected(text, 1, null, "the contract is empty: list entries under reachable, refused, blockedDirect");

    [Fact]
    public void Parse_SectionsWithoutAnyEntry_IsAnErrorNotAVacuousPass() =>
        AssertRejected("reachable: []\nrefused:\n", 1, null, "the contract lists no entry: add some under reachable, refused, blockedDirect");

    [Fact]
    public void Parse_NotAMapping_SaysWhatAContractIs() =>
        AssertRejected("- host: a.example\n", 1, null, "a contract is a mapping with the keys reachable, refused, blockedDirect");

    [Fact]
    public void Parse_TwoDocuments_FailsAtTheSecond() =>
        AssertRejected("reachable:\n  - host: a.example\n---\nrefused:\n  - host: b.example\n", 4, null, "a contract is one YAML document; this is a second one");

    [Fact]
    public void Parse_SameEntryTwice_NamesTheEntryAndItsFirstLine() =>
        AssertRejected(
            "refused:\n  - host: example.org\n  - host: Example.org\n", 3, null,
            "'example.org is refused by the egress proxy' repeats the entry on line 2");

    [Fact]
    public void Parse_Error_MessageNamesFileLineAndField()
    {
        // Given
        const string text = "reachable:\n  - host: a.example\n    status: 700\n";

        // When
        var exception = Assert.Throws<ContractException>(() => ContractReader.Parse(text, File));

        // Then
        Assert.Equal(
            "/contracts/cluster.yaml:3: reachable[0].status: '700' is not an HTTP status (a whole number from 100 to 599)",
            exception.Message);
    }

    [Fact]
    public void Read_FileThatDoesNotExist_SaysItCannotBeRead()
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        // When
        var exception = Assert.Throws<ContractException>(() => ContractReader.Read(path));

        // Then
        Assert.Equal(path, exception.File);
        Assert.Null(exception.Line);
        Assert.StartsWith("the contract file cannot be read: ", exception.Problem, StringComparison.Ordinal);
    }

    private static void AssertRejected(string text, int line, string? field, string problem)
    {
        var exception = Assert.Throws<ContractException>(() => ContractReader.Parse(text, File));
        Assert.Equal((File, line, field, problem), (exception.File, exception.Line, exception.Field, exception.Problem));
    }
}
