using System.Net.Sockets;
using System.Security.Authentication;
using EgressSpecs.Proxy.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>Maps a YARP forwarding error to the stable reason the client and the metrics see.</summary>
internal static class UpstreamFailures
{
    /// <summary>False when the client, not the upstream, ended the exchange (cancelled, bad request body).</summary>
    public static bool IsUpstreamSide(ForwarderError error) => error switch
    {
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
            or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient => false,
        _ => true,
    };

    public static EgressReason Classify(ForwarderError error, Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is UpstreamException upstream)
            {
                return upstream.Reason;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (inner is UpstreamException nested)
                    {
                        return nested.Reason;
                    }
                }
            }
        }

        if (error is ForwarderError.RequestTimedOut or ForwarderError.UpgradeActivityTimeout)
        {
            return EgressReason.Timeout;
        }

        var requestError = FindRequestError(exception);
        if (requestError is HttpRequestError.NameResolutionError)
        {
            return EgressReason.DnsFailure;
        }

        if (requestError is HttpRequestError.SecureConnectionError || Has<AuthenticationException>(exception))
        {
            return EgressReason.TlsFailure;
        }

        if (requestError is HttpRequestError.ConnectionError)
        {
            return EgressReason.ConnectFailure;
        }

        if (Has<TimeoutException>(exception))
        {
            return EgressReason.Timeout;
        }

        return requestError is null or HttpRequestError.Unknown && Has<SocketException>(exception)
            ? EgressReason.ConnectFailure
            : EgressReason.UpstreamError;
    }

    private static HttpRequestError? FindRequestError(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException request)
            {
                return request.HttpRequestError;
            }
        }

        return null;
    }

    private static bool Has<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return true;
            }
        }

        return false;
    }
}
