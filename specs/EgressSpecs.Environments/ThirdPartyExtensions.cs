namespace EgressSpecs.Environments;

/// <summary>How a meshed app names a third party.</summary>
public static class ThirdPartyExtensions
{
    /// <summary>The suffix the egress pattern appends to a third party's name.</summary>
    public const string EgressSuffix = "egress.local";

    /// <summary>
    /// The plaintext URL an app in the mesh calls to reach <paramref name="thirdParty"/> through the proxy,
    /// e.g. <c>http://api.example.test.egress.local/specs/abc/x?y=1</c>.
    /// </summary>
    /// <param name="thirdParty">The destination.</param>
    /// <param name="pathAndQuery">Starts with <c>/</c>.</param>
    public static Uri EgressUrl(this IThirdParty thirdParty, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(thirdParty);
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException($"A path starts with '/', got '{pathAndQuery}'.", nameof(pathAndQuery));
        }

        return new Uri($"http://{thirdParty.Host}.{EgressSuffix}{pathAndQuery}", UriKind.Absolute);
    }
}
