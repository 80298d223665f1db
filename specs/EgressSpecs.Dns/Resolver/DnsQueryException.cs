namespace EgressSpecs.Dns.Resolver;

/// <summary>The server could not be asked: no response in time, or the connection failed.</summary>
public sealed class DnsQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DnsQueryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
