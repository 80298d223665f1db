using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// What the program runs, read from a JSON file: the observation API's endpoint and one entry per third party.
/// Unknown keys are errors, so a misspelt setting cannot be silently ignored.
/// </summary>
public sealed record ThirdPartiesOptions
{
    /// <summary>Where the observation API listens (plain HTTP), e.g. <c>127.0.0.1:0</c> or <c>0.0.0.0:8080</c>.</summary>
    public required string ObservationApi { get; init; }

    /// <summary>
    /// When true every third party listens on the same port, the one the first of them gets (its <c>Listen</c> port, or a
    /// random one for 0): the local target's plan, distinct loopback addresses on one port.
    /// </summary>
    public bool SharePort { get; init; }

    /// <summary>The third parties, in start order.</summary>
    public required IReadOnlyList<ThirdPartyOptions> Parties { get; init; }

    /// <summary>The JSON form the program reads and the harness writes.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <summary>Reads and checks a settings file; the message of any error names the file and what is wrong.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON of this shape, or names an unusable value.</exception>
    public static ThirdPartiesOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The third parties' settings file '{path}' does not exist.");
        }

        ThirdPartiesOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<ThirdPartiesOptions>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }

        return (options ?? throw new InvalidDataException($"{path}: the file holds no settings.")).Validated(path);
    }

    /// <summary>Checks every value and returns this; the message names <paramref name="source"/> and the field at fault.</summary>
    public ThirdPartiesOptions Validated(string source)
    {
        Endpoint(ObservationApi, $"{source}: observationApi");
        if (Parties.Count == 0)
        {
            throw new InvalidDataException($"{source}: parties is empty; name at least one third party.");
        }

        for (var index = 0; index < Parties.Count; index++)
        {
            var party = Parties[index];
            var at = $"{source}: parties[{index}]";
            if (!Enum.IsDefined(party.Role))
            {
                throw new InvalidDataException($"{at}.role '{party.Role}' is not a role: {string.Join(", ", Enum.GetNames<ThirdPartyRole>())}.");
            }

            if (Uri.CheckHostName(party.Host) != UriHostNameType.Dns)
            {
                throw new InvalidDataException($"{at}.host '{party.Host}' is not a DNS name.");
            }

            Endpoint(party.Listen, $"{at}.listen");
            foreach (var (field, file) in new[] { ("certificateFile", party.CertificateFile), ("keyFile", party.KeyFile) })
            {
                if (!File.Exists(file))
                {
                    throw new InvalidDataException($"{at}.{field} '{file}' does not exist.");
                }
            }
        }

        var duplicate = Parties.GroupBy(party => party.Role).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{source}: the role {duplicate.Key} is listed {duplicate.Count()} times; each role runs once.");
        }

        if (SharePort && Parties.Select(party => Endpoint(party.Listen, "listen").Port).Distinct().Count() > 1)
        {
            throw new InvalidDataException($"{source}: sharePort is true, but the parties' listen ports differ.");
        }

        return this;
    }

    /// <summary>Parses <c>address:port</c> (IPv6 in brackets).</summary>
    public static IPEndPoint Endpoint(string text, string field) =>
        IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new InvalidDataException($"{field} '{text}' is not an address:port endpoint (e.g. 127.0.0.2:0).");
}

/// <summary>One third party: its role, the name it answers for, where it listens and the certificate it serves.</summary>
public sealed record ThirdPartyOptions
{
    public required ThirdPartyRole Role { get; init; }

    /// <summary>Its DNS name, e.g. <c>api.example.test</c>.</summary>
    public required string Host { get; init; }

    /// <summary><c>address:port</c>; port 0 picks a free one.</summary>
    public required string Listen { get; init; }

    /// <summary>PEM certificate (and any chain) it serves.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>PEM private key of that certificate.</summary>
    public required string KeyFile { get; init; }
}
