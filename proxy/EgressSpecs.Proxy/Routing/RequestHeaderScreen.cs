using System.Text;
using Microsoft.Net.Http.Headers;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// Kestrel's <c>RequestHeaderEncodingSelector</c>: <see cref="ContentLengthDigits"/> for Content-Length,
/// <see cref="ConnectionOptionsOnly"/> for Connection, Kestrel's default decoding (null) for every other header.
/// </summary>
internal static class RequestHeaderScreen
{
    public static readonly Func<string, Encoding?> Selector = Select;

    private static Encoding? Select(string name)
    {
        // Kestrel passes its interned names for known headers: a reference check settles almost every call.
        if (ReferenceEquals(name, HeaderNames.ContentLength))
        {
            return ContentLengthDigits.Instance;
        }

        if (ReferenceEquals(name, HeaderNames.Connection))
        {
            return ConnectionOptionsOnly.Instance;
        }

        return name.Length switch
        {
            14 when name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) => ContentLengthDigits.Instance,
            10 when name.Equals(HeaderNames.Connection, StringComparison.OrdinalIgnoreCase) => ConnectionOptionsOnly.Instance,
            _ => null,
        };
    }
}
