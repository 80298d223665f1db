using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Support;
using System.Text;

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
    [InlineData(56, AppFailureKind.Other)]
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
