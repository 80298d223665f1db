using System.Text;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Apps;

public sealed class CurlResponseTests
{
    private static readonly AppRequest Request = AppRequest.Get("http://api.example.test.egress.local/x");

    [Fact]
    public void Parse_Response_ReadsStatusHeadersAndBinaryBody()
    {
        // Given
        byte[] body = [0, 1, 2, 255, 13, 10, 13, 10, 7];
        var output = Encoding.ASCII.GetBytes("HTTP/1.1 302 Found\r\nLocation: http://api.example.test.egress.local/landing\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n")
            .Concat(body).ToArray();

        // When
        var response = CurlResponse.Parse(new CommandResult(0, output, ""), "meshed app", Request);

        // Then
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("http://api.example.test.egress.local/landing", response.Header("location"));
        Assert.Equal(["a=1", "b=2"], response.Headers["Set-Cookie"]);
        Assert.Equal(body, response.Body);
    }

    [Fact]
    public void Parse_InterimContinue_IsSkipped()
    {
        // Given
        var output = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

        // When
        var response = CurlResponse.Parse(new CommandResult(0, output, ""), "meshed app", Request);

        // Then
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("ok", response.BodyText);
    }

    [Theory]
    [InlineData(6, AppFailureKind.NameNotResolved)]
    [InlineData(7, AppFailureKind.ConnectionRefused)]
    [InlineData(28, AppFailureKind.Timeout)]
    [InlineData(52, AppFailureKind.Other)]
    [InlineData(56, AppFailureKind.ConnectionReset)]
    [InlineData(60, AppFailureKind.Other)]
    public void Parse_CurlFailure_IsClassifiedByExitCode(int exitCode, AppFailureKind kind)
    {
        // Given
        var result = new CommandResult(exitCode, [], "curl: (x) something went wrong\n");

        // When
        var response = CurlResponse.Parse(result, "unmeshed pod", Request);

        // Then
        Assert.Null(response.StatusCode);
        Assert.Equal(kind, response.Failure!.Kind);
        Assert.Contains($"curl exit {exitCode}", response.Failure.Message);
        Assert.Contains("something went wrong", response.Failure.Message);
    }

    [Theory]
    [InlineData(7, "curl: (7) Failed to connect to api.example.test port 443: Connection refused", true)]
    [InlineData(28, "curl: (28) Connection timed out after 5001 milliseconds", true)]
    [InlineData(35, "curl: (35) Recv failure: Connection reset by peer", true)]
    [InlineData(35, "curl: (35) OpenSSL/3.0.15: error:0A000410:SSL routines::sslv3 alert handshake failure", false)]
    [InlineData(60, "curl: (60) SSL certificate problem: unable to get local issuer certificate", false)]
    [InlineData(6, "curl: (6) Could not resolve host: api.example.test", false)]
    public void Parse_DirectCallFailure_OnlyNetworkLevelFailuresCountAsABlock(int exitCode, string stderr, bool blocked)
    {
        // Given: what curl says when a direct HTTPS call from an app pod fails
        var result = new CommandResult(exitCode, [], stderr + "\n");

        // When
        var response = CurlResponse.Parse(result, "meshed app", AppRequest.Get("https://api.example.test/direct"));

        // Then
        Assert.Equal(blocked, response.Failure!.IsNetworkBlock);
    }

    [Fact]
    public void Parse_OutputWithoutHeaderBlock_IsAFormatError()
    {
        // Given
        var result = new CommandResult(0, Encoding.ASCII.GetBytes("not http"), "");

        // When
        var failure = Assert.Throws<FormatException>(() => CurlResponse.Parse(result, "meshed app", Request));

        // Then
        Assert.Contains("no complete header block", failure.Message);
    }
}
