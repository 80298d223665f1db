using System.Net.Sockets;
using System.Text;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>
/// Bytes no HTTP client would send, on a plain socket to the proxy: sends them, then reads the answer's head and
/// as much body as its Content-Length announces (or until the proxy closes, or 10 s pass).
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends <paramref name="request"/>, written as text whose characters are the bytes (Latin-1).</summary>
    public static async Task<string> ExchangeAsync(int port, string request, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port, cancellationToken);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request), cancellationToken);
        return await ReadAnswerAsync(socket, cancellationToken);
    }

    /// <summary>Reads one answer from a connected socket.</summary>
    public static async Task<string> ReadAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var received = new StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            int read;
            while (!IsComplete(received.ToString()) && (read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The proxy kept the connection open without finishing an answer; what arrived is the answer.
        }
        catch (SocketException)
        {
            // Reset by the proxy: what arrived before is the answer.
        }

        return received.ToString();
    }

    /// <summary>The status code of a raw answer, or 0 when there is no status line.</summary>
    public static int StatusOf(string answer) =>
        answer.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(answer.AsSpan(9, 3), out var status) ? status : 0;

    private static bool IsComplete(string received)
    {
        var end = received.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = received[..end];
        if (head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            return true;
        }

        const string Marker = "\r\nContent-Length: ";
        var at = head.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) && received.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
        }

        var lineEnd = head.IndexOf("\r\n", at + Marker.Length, StringComparison.Ordinal);
        var length = int.Parse(head.AsSpan(at + Marker.Length, (lineEnd < 0 ? head.Length : lineEnd) - at - Marker.Length));
        return received.Length - end - 4 >= length;
    }
}
