using System.Net.Sockets;
using System.Security.Authentication;
using EgressSpecs.Proxy.Routing;
using EgressSpecs.Proxy.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Tests.Upstream;

public sealed class UpstreamFailuresTests
{
    public static TheoryData<ForwarderError, Exception?, string> Cases => new()
    {
        { ForwarderError.Request, new HttpRequestException("x", new UpstreamException(EgressReason.PrivateAddress, "p")), nameof(EgressReason.PrivateAddress) },
        { ForwarderError.Request, new HttpRequestException(HttpRequestError.NameResolutionError, "dns"), nameof(EgressReason.DnsFailure) },
        { ForwarderError.Request, new HttpRequestException(HttpRequestError.SecureConnectionError, "tls", new AuthenticationException()), nameof(EgressReason.TlsFailure) },
        { ForwarderError.Request, new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException()), nameof(EgressReason.ConnectFailure) },
        { ForwarderError.RequestTimedOut, new TaskCanceledException(), nameof(EgressReason.Timeout) },
        { ForwarderError.ResponseBodyDestination, new IOException("reset"), nameof(EgressReason.UpstreamError) },
        { ForwarderError.Request, new HttpRequestException(HttpRequestError.InvalidResponse, "bad"), nameof(EgressReason.UpstreamError) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_ForwarderError_MapsToStableReason(ForwarderError error, Exception? exception, string expected) =>
        Assert.Equal(expected, UpstreamFailures.Classify(error, exception).ToString());

    [Theory]
    [InlineData(ForwarderError.RequestCanceled, false)]
    [InlineData(ForwarderError.RequestBodyClient, false)]
    [InlineData(ForwarderError.Request, true)]
    [InlineData(ForwarderError.RequestTimedOut, true)]
    public void IsUpstreamSide_Error_SeparatesClientFromUpstream(ForwarderError error, bool expected) =>
        Assert.Equal(expected, UpstreamFailures.IsUpstreamSide(error));
}
