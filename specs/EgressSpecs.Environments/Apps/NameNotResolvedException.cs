namespace EgressSpecs.Environments.Apps;

/// <summary>The app's resolver found no address for a host, as getaddrinfo's EAI_NONAME.</summary>
internal sealed class NameNotResolvedException(string host, string reason)
    : IOException($"Name or service not known: '{host}' ({reason})")
{
    public string Host { get; } = host;
}
