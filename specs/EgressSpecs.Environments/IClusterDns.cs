using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Environments;

/// <summary>The cluster's DNS, asked from where a pod asks it.</summary>
public interface IClusterDns
{
    /// <summary>One raw query, as <c>dig</c> in a pod would send it: the answer section exactly as the server wrote it.</summary>
    /// <param name="name">The question name, sent as given (case and trailing dot kept).</param>
    /// <param name="type">"A" or "AAAA".</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves a host name as an app in a pod does through glibc's getaddrinfo (the pod's search list, and answers whose
    /// owner is not the question dropped): <see cref="AddressFamily.InterNetwork"/> asks for IPv4 only (getent ahostsv4);
    /// <see cref="AddressFamily.Unspecified"/> for IPv4 and IPv6 together, as curl does.
    /// </summary>
    Task<HostLookup> ResolveAsync(string host, AddressFamily family, CancellationToken cancellationToken);

    /// <summary>The search list of the pod's resolv.conf: the domains its resolver appends to a name with fewer than ndots dots before trying the name itself.</summary>
    Task<IReadOnlyList<string>> SearchListAsync(CancellationToken cancellationToken);
}

/// <summary>The response to one DNS query.</summary>
/// <param name="Question">The question name as sent.</param>
/// <param name="ResponseCode">The RCODE in upper case: NOERROR, NXDOMAIN, SERVFAIL, REFUSED...</param>
/// <param name="Records">The answer section, in order.</param>
public sealed record DnsAnswer(string Question, string ResponseCode, IReadOnlyList<DnsAnswerRecord> Records);

/// <summary>One answer record.</summary>
/// <param name="OwnerName">The record's owner name as written on the wire (with its trailing dot).</param>
/// <param name="Type">"A", "AAAA", "CNAME"...</param>
/// <param name="Data">The record data as text (an address, or a target name).</param>
/// <param name="TimeToLive">The TTL in seconds.</param>
public sealed record DnsAnswerRecord(string OwnerName, string Type, string Data, int TimeToLive);

/// <summary>The outcome of resolving a host name as an app would.</summary>
/// <param name="Addresses">The addresses the app would connect to; empty when the name did not resolve.</param>
/// <param name="Failure">Why the name did not resolve, or null.</param>
public sealed record HostLookup(IReadOnlyList<IPAddress> Addresses, string? Failure)
{
    /// <summary>True when the app would get at least one address.</summary>
    public bool Resolved => Addresses.Count > 0;
}
