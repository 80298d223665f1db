using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EgressSpecs.Contracts;

/// <summary>
/// Reads a contract file (YAML) against a strict schema: only the keys below, each value checked; anything else is a
/// <see cref="ContractException"/> naming the file, the line and the field, never ignored.
/// <code>
/// reachable:                # through the egress path, from a meshed app
///   - host: api.github.com
///     path: /zen            # default /
///     status: 200           # optional
/// refused:                  # the proxy must refuse, and no connection may leave
///   - host: example.org
///     reason: not_allowed   # optional
/// blockedDirect:            # a direct call from an app namespace must be blocked by the network
///   - url: https://api.github.com/
/// </code>
/// </summary>
public static class ContractReader
{
    private const string ReachableKey = "reachable";
    private const string RefusedKey = "refused";
    private const string BlockedDirectKey = "blockedDirect";

    private static readonly string[] SectionKeys = [ReachableKey, RefusedKey, BlockedDirectKey];

    /// <summary>Reads and checks the contract file at <paramref name="path"/> (relative paths from the working directory).</summary>
    public static EgressContract Read(string path)
    {
        var file = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ContractException(file, null, null, $"the contract file cannot be read: {exception.Message}", exception);
        }

        return Parse(text, file);
    }

    /// <summary>Checks a contract's text; <paramref name="file"/> names it in errors.</summary>
    public static EgressContract Parse(string text, string file)
    {
        var root = Load(text, file);
        var contract = new Reader(file);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = contract.Key(keyNode, null, SectionKeys, "the contract's keys are");
            switch (key)
            {
                case ReachableKey:
                    contract.Reachable.AddRange(contract.Section(value, key, ReadReachable));
                    break;
                case RefusedKey:
                    contract.Refused.AddRange(contract.Section(value, key, ReadRefused));
                    break;
                default:
                    contract.BlockedDirect.AddRange(contract.Section(value, key, ReadBlockedDirect));
                    break;
            }
        }

        return contract.Complete(root);
    }

    private static YamlMappingNode Load(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new ContractException(file, (int)exception.Start.Line, null, $"not valid YAML: {Reader.YamlMessage(exception)}", exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new ContractException(file, 1, null, $"the contract is empty: list entries under {string.Join(", ", SectionKeys)}");
        }

        if (stream.Documents.Count > 1)
        {
            throw new ContractException(file, (int)stream.Documents[1].RootNode.Start.Line, null, "a contract is one YAML document; this is a second one");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ContractException(
                file, (int)stream.Documents[0].RootNode.Start.Line, null, $"a contract is a mapping with the keys {string.Join(", ", SectionKeys)}");
    }

    private static ReachableEntry ReadReachable(Reader contract, YamlMappingNode entry, string field)
    {
        var values = contract.Fields(entry, field, ["host", "path", "status"], required: "host");
        return new ReachableEntry(
            contract.Value(values, "host", field, ContractValues.Host)!,
            contract.Value(values, "path", field, ContractValues.PathAndQuery) ?? "/",
            contract.Value(values, "status", field, value => (int?)ContractValues.Status(value)))
        {
            Line = (int)entry.Start.Line,
        };
    }

    private static RefusedEntry ReadRefused(Reader contract, YamlMappingNode entry, string field)
    {
        var values = contract.Fields(entry, field, ["host", "reason"], required: "host");
        return new RefusedEntry(
            contract.Value(values, "host", field, ContractValues.Host)!,
            contract.Value(values, "reason", field, ContractValues.Reason))
        {
            Line = (int)entry.Start.Line,
        };
    }

    private static BlockedDirectEntry ReadBlockedDirect(Reader contract, YamlMappingNode entry, string field)
    {
        var values = contract.Fields(entry, field, ["url"], required: "url");
        return new BlockedDirectEntry(contract.Value(values, "url", field, ContractValues.Url)!)
        {
            Line = (int)entry.Start.Line,
        };
    }

    /// <summary>The contract being read, and how its errors are told.</summary>
    private sealed class Reader(string file)
    {
        public List<ReachableEntry> Reachable { get; } = [];

        public List<RefusedEntry> Refused { get; } = [];

        public List<BlockedDirectEntry> BlockedDirect { get; } = [];

        public static string YamlMessage(YamlException exception) =>
            // YamlDotNet prefixes its messages with the position ("(Line: 3, Col: 5, Idx: 20) - (...): "); the line is reported already.
            exception.Message[(exception.Message.IndexOf("): ", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : 0)..];

        public ContractException Error(YamlNode node, string? field, string problem) => new(file, (int)node.Start.Line, field, problem);

        /// <summary>A mapping key that must be one of <paramref name="allowed"/>; any other is an error, never ignored.</summary>
        public string Key(YamlNode key, string? parent, IReadOnlyList<string> allowed, string allowedIntro)
        {
            var name = (key as YamlScalarNode)?.Value;
            var field = name is null ? parent : parent is null ? name : $"{parent}.{name}";
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, field, $"unknown key; {allowedIntro} {string.Join(", ", allowed)}");
            }

            return name;
        }

        /// <summary>A section's entries: a list of mappings, each read by <paramref name="read"/>; an empty value is no entries.</summary>
        public IEnumerable<T> Section<T>(YamlNode value, string key, Func<Reader, YamlMappingNode, string, T> read)
        {
            if (value is YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            if (value is not YamlSequenceNode entries)
            {
                throw Error(value, key, "a list of entries, each starting with '- '");
            }

            return [.. entries.Children.Select((entry, index) => entry is YamlMappingNode mapping
                ? read(this, mapping, $"{key}[{index}]")
                : throw Error(entry, $"{key}[{index}]", $"an entry is a mapping of keys to values, such as '- {(key == BlockedDirectKey ? "url: https://" : "host: ")}...'"))];
        }

        /// <summary>An entry's values by key: only the allowed keys, each a plain value, the required one present.</summary>
        public Dictionary<string, YamlScalarNode> Fields(YamlMappingNode entry, string field, IReadOnlyList<string> allowed, string required)
        {
            var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in entry.Children)
            {
                var key = Key(keyNode, field, allowed, $"an entry of {field[..field.IndexOf('[', StringComparison.Ordinal)]} has");
                values[key] = value as YamlScalarNode is { Value: { Length: > 0 } } scalar
                    ? scalar
                    : throw Error(value, $"{field}.{key}", value is YamlScalarNode ? "no value" : "a single value, not a list or a mapping");
            }

            return values.ContainsKey(required) ? values : throw Error(entry, field, $"'{required}' is missing");
        }

        /// <summary>One value, checked by <paramref name="check"/>, or default when the key is absent.</summary>
        public T? Value<T>(Dictionary<string, YamlScalarNode> values, string key, string field, Func<string, T> check)
        {
            if (!values.TryGetValue(key, out var node))
            {
                return default;
            }

            try
            {
                return check(node.Value!);
            }
            catch (ContractValueException problem)
            {
                throw Error(node, $"{field}.{key}", problem.Message);
            }
        }

        /// <summary>The contract, once its entries are known to be there and to have names of their own.</summary>
        public EgressContract Complete(YamlMappingNode root)
        {
            var contract = new EgressContract(file, Reachable, Refused, BlockedDirect);
            var entries = contract.Entries.ToList();
            if (entries.Count == 0)
            {
                throw Error(root, null, $"the contract lists no entry: add some under {string.Join(", ", SectionKeys)}");
            }

            // Entries are told apart by name (JUnit, the baseline comparison): the same entry twice is a mistake.
            var seen = new Dictionary<string, ContractEntry>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!seen.TryAdd(entry.Name, entry))
                {
                    throw new ContractException(file, entry.Line, null, $"'{entry.Name}' repeats the entry on line {seen[entry.Name].Line}");
                }
            }

            return contract;
        }
    }
}
