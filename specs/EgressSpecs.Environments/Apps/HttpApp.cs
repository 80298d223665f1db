using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace EgressSpecs.Environments.Apps;

/// <summary>
/// An app as plain .NET code in it would call: one <see cref="SocketsHttpHandler"/> with nothing a real app's
/// defaults would hide from a spec (no proxy, no redirects followed, no decompression, no cookies).
/// Where names resolve and where connections go is the <paramref name="connect"/> callback's business.
/// </summary>
internal sealed class HttpApp(string description, Func<DnsEndPoint, CancellationToken, ValueTask<Stream>>? connect) : IApp, IDisposable
{
    private readonly Func<DnsEndPoint, CancellationToken, ValueTask<Stream>> _connect = connect ?? ConnectDirectlyAsync;

    private readonly HttpMessageInvoker _invoker = new(CreateHandler(connect), disposeHandler: true);

    public string Description { get; } = description;

    public async Task<AppResponse> SendAsync(AppRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            if (HostTheClientRefuses(request) is { } host)
            {
                await using var connection = await _connect(new DnsEndPoint(request.Url.IdnHost, request.Url.Port), timeout.Token);
                return await RawHttp1.SendAsync(connection, request, host, timeout.Token);
            }

            using var message = ToMessage(request);
            using var response = await _invoker.SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return AppResponse.Received((int)response.StatusCode, [.. response.Headers, .. response.Content.Headers], body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AppResponse.Failed(AppFailureKind.Timeout, $"{Description}: no response from {request.Url} within {request.Timeout.TotalSeconds:0.###} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or NameNotResolvedException)
        {
            return Classify(request, exception);
        }
    }

    public void Dispose() => _invoker.Dispose();

    private static SocketsHttpHandler CreateHandler(Func<DnsEndPoint, CancellationToken, ValueTask<Stream>>? connect)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        if (connect is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => connect(context.DnsEndPoint, cancellationToken);
        }

        return handler;
    }

    /// <summary>
    /// A Host header value .NET's client will not send (e.g. <c>.egress.local</c>): given one, it sends the URL's
    /// authority as Host and the raw value as a second Host header, so the server sees a duplicate Host instead
    /// of the value a scenario means to test. Such a request goes out as raw HTTP/1.1 instead.
    /// </summary>
    private static string? HostTheClientRefuses(AppRequest request)
    {
        var host = request.Headers.FirstOrDefault(header => header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        if (host is null)
        {
            return null;
        }

        using var probe = new HttpRequestMessage();
        try
        {
            probe.Headers.Host = host;
            return null;
        }
        catch (FormatException)
        {
            return host;
        }
    }

    private static async ValueTask<Stream> ConnectDirectlyAsync(DnsEndPoint destination, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(destination, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static HttpRequestMessage ToMessage(AppRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is { } body)
        {
            message.Content = body.IsGenerated ? new StreamContent(body.OpenRead()) : new ByteArrayContent(ReadAll(body));
            if (body.ContentType is { } contentType)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static byte[] ReadAll(RequestBody body)
    {
        using var stream = body.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private AppResponse Classify(AppRequest request, Exception exception)
    {
        var message = $"{Description}: {request.Method} {request.Url}: {Describe(exception)}";
        for (var cause = (Exception?)exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case NameNotResolvedException:
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return AppResponse.Failed(AppFailureKind.NameNotResolved, message);
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return AppResponse.Failed(AppFailureKind.ConnectionRefused, message);
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }:
                    return AppResponse.Failed(AppFailureKind.ConnectionReset, message);
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                case TimeoutException:
                    return AppResponse.Failed(AppFailureKind.Timeout, message);
            }
        }

        return AppResponse.Failed(AppFailureKind.Other, message);
    }

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var cause = (Exception?)exception; cause is not null; cause = cause.InnerException)
        {
            messages.Add(cause.Message);
        }

        return string.Join(" -> ", messages.Distinct());
    }
}
