using EgressSpecs.Environments.Apps;
namespace EgressSpecs.Environments.Tests.Apps;

public sealed class CurlCommandTests
{
    [Fact]
    public void For_GetWithoutBody_RunsCurlDirectlyWithTheUrlLast()
    {
        // Given
        var request = AppRequest.Get("http://api.example.test.egress.local/specs/a/b?c=1");

        // When
        var (command, stdin) = CurlCommand.For(request);

        // Then
        Assert.Null(stdin);
        Assert.Equal(["curl", "--disable"], command.Take(2));
        Assert.Equal("http://api.example.test.egress.local/specs/a/b?c=1", command[^1]);
        Assert.Contains("--include", command);
        Assert.Contains("--path-as-is", command);
        Assert.Equal("GET", command[command.ToList().IndexOf("--request") + 1]);
        Assert.Equal("15", command[command.ToList().IndexOf("--max-time") + 1]);
    }

    [Fact]
    public void For_NoUserAgentOrAccept_RemovesCurlsOwnHeaders()
    {
        // Given
        var request = AppRequest.Get("http://api.example.test.egress.local/");

        // When
        var (command, _) = CurlCommand.For(request);

        // Then
        var headers = HeaderArguments(command);
        Assert.Contains("User-Agent:", headers);
        Assert.Contains("Accept:", headers);
        Assert.Contains("Expect:", headers);
    }

    [Fact]
    public void For_RequestHeaders_AreSentInOrderAndAnEmptyValueKeepsTheHeader()
    {
        // Given
        var request = AppRequest.Get("http://api.example.test.egress.local/") with
        {
            Headers = [new("Host", "evil.test"), new("X-Empty", ""), new("Accept", "text/plain")],
        };

        // When
        var (command, _) = CurlCommand.For(request);

        // Then
        var headers = HeaderArguments(command);
        Assert.Equal(["Host: evil.test", "X-Empty;", "Accept: text/plain", "User-Agent:", "Expect:"], headers);
    }

    [Fact]
    public void For_FixedBody_PipesExactlyItsLengthIntoCurlWithItsContentType()
    {
        // Given
        var body = RequestBody.FromText("hello", "text/plain");
        var request = new AppRequest("POST", new Uri("http://api.example.test.egress.local/post")) { Body = body };

        // When
        var (command, stdin) = CurlCommand.For(request);

        // Then
        Assert.Same(body, stdin);
        Assert.Equal(["sh", "-c", "head -c \"$0\" | \"$@\"", "5", "curl"], command.Take(5));
        Assert.Contains("Content-Type: text/plain", HeaderArguments(command));
        Assert.DoesNotContain("Transfer-Encoding: chunked", HeaderArguments(command));
        Assert.Equal("@-", command[command.ToList().IndexOf("--data-binary") + 1]);
    }

    [Fact]
    public void For_GeneratedBody_IsSentChunked()
    {
        // Given
        var request = new AppRequest("PUT", new Uri("http://api.example.test.egress.local/put")) { Body = RequestBody.Generated(1_000_000) };

        // When
        var (command, _) = CurlCommand.For(request);

        // Then
        Assert.Equal("1000000", command[3]);
        Assert.Contains("Transfer-Encoding: chunked", HeaderArguments(command));
        Assert.Equal("PUT", command[command.ToList().IndexOf("--request") + 1]);
    }

    [Fact]
    public void For_Head_UsesCurlsHeadModeSoItDoesNotWaitForABody()
    {
        // Given
        var request = new AppRequest("HEAD", new Uri("http://api.example.test.egress.local/"));

        // When
        var (command, _) = CurlCommand.For(request);

        // Then
        Assert.Contains("--head", command);
        Assert.DoesNotContain("--request", command);
    }

    private static List<string> HeaderArguments(IReadOnlyList<string> command) =>
        [.. command.Select((argument, index) => (argument, index)).Where(pair => pair.argument == "--header").Select(pair => command[pair.index + 1])];
}
