using System.Globalization;
using System.Text;

namespace EgressSpecs.Environments.Support;

/// <summary>One sample of the Prometheus text exposition format.</summary>
/// <param name="Name">The metric name, e.g. <c>response_total</c>.</param>
/// <param name="Labels">The label set, names case-sensitive.</param>
/// <param name="Value">The value.</param>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>True when every label of <paramref name="subset"/> is present with the same value.</summary>
    public bool HasLabels(IReadOnlyDictionary<string, string> subset) =>
        subset.All(label => Labels.TryGetValue(label.Key, out var value) && value == label.Value);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}{{{string.Join(',', Labels.Select(label => $"{label.Key}=\"{label.Value}\""))}}} {Value.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Reads (and merges) the Prometheus text format that Linkerd's proxy and the egress proxy serve on <c>/metrics</c>
/// (prometheus.io/docs/instrumenting/exposition_formats: <c>name{label="value",...} value [timestamp]</c>).
/// </summary>
public static class PrometheusText
{
    private static readonly char[] Whitespace = [' ', '\t'];

    /// <summary>Every sample, in order; comments and blank lines skipped.</summary>
    /// <exception cref="FormatException">A line is not a sample.</exception>
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return samples;
    }

    /// <summary>
    /// The texts of several replicas as one: samples with the same name and labels are summed (counters, histogram
    /// buckets, sums and counts add up across replicas), HELP and TYPE lines kept once.
    /// </summary>
    public static string Merge(IEnumerable<string> texts)
    {
        var comments = new List<string>();
        var order = new List<string>();
        var totals = new Dictionary<string, (PrometheusSample Sample, double Sum)>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('#'))
                {
                    if (!comments.Contains(line))
                    {
                        comments.Add(line);
                    }

                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                var sample = ParseLine(line);
                var key = Key(sample);
                if (totals.TryGetValue(key, out var seen))
                {
                    totals[key] = (seen.Sample, seen.Sum + sample.Value);
                }
                else
                {
                    order.Add(key);
                    totals[key] = (sample, sample.Value);
                }
            }
        }

        var merged = new StringBuilder();
        foreach (var comment in comments)
        {
            merged.Append(comment).Append('\n');
        }

        foreach (var key in order)
        {
            var (sample, sum) = totals[key];
            merged.Append(key).Append(' ').Append(sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return merged.ToString();
    }

    private static string Key(PrometheusSample sample) => sample.Labels.Count == 0
        ? sample.Name
        : $"{sample.Name}{{{string.Join(',', sample.Labels.Select(label => $"{label.Key}=\"{Escape(label.Value)}\""))}}}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static PrometheusSample ParseLine(string line)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' ' or '\t'))
        {
            position++;
        }

        var name = line[..position];
        if (name.Length == 0)
        {
            throw new FormatException($"'{line}' has no metric name.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position = ParseLabels(line, position + 1, labels);
        }

        var rest = line[position..].Trim().Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is < 1 or > 2 || !TryParseValue(rest[0], out var value))
        {
            throw new FormatException($"'{line}' has no numeric sample value.");
        }

        return new PrometheusSample(name, labels, value);
    }

    private static int ParseLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (true)
        {
            while (position < line.Length && line[position] is ' ' or ',')
            {
                position++;
            }

            if (position < line.Length && line[position] == '}')
            {
                return position + 1;
            }

            var equals = line.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                throw new FormatException($"'{line}' has a malformed label set.");
            }

            var labelName = line[position..equals].Trim();
            var value = new StringBuilder();
            position = equals + 2;
            while (true)
            {
                if (position >= line.Length)
                {
                    throw new FormatException($"'{line}' has an unterminated label value.");
                }

                var character = line[position++];
                if (character == '"')
                {
                    break;
                }

                if (character == '\\' && position < line.Length)
                {
                    var escaped = line[position++];
                    value.Append(escaped == 'n' ? '\n' : escaped);
                    continue;
                }

                value.Append(character);
            }

            labels[labelName] = value.ToString();
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
