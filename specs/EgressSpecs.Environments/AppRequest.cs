namespace EgressSpecs.Environments;

/// <summary>One HTTP request an app sends, e.g. <c>GET http://api.example.test.egress.local/specs/{token}/x?y=1</c>.</summary>
public sealed record AppRequest
{
    /// <summary>The default time an app waits for a whole exchange before it reports <see cref="AppFailureKind.Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Creates a request with no headers and no body.</summary>
    public AppRequest(string method, Uri url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"An app request needs an absolute URL, got '{url}'.", nameof(url));
        }

        Method = method;
        Url = url;
    }

    /// <summary>The HTTP method, sent as given (any token, not only the well-known ones).</summary>
    public string Method { get; }

    /// <summary>The absolute URL the app calls.</summary>
    public Uri Url { get; }

    /// <summary>Request headers, in order; a name may repeat. Content headers (Content-Type...) go on the body.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body, or null for none.</summary>
    public RequestBody? Body { get; init; }

    /// <summary>How long the app waits for the whole exchange.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A GET of <paramref name="url"/>.</summary>
    public static AppRequest Get(string url) => new("GET", new Uri(url, UriKind.Absolute));
}
