using System.Globalization;
using System.Text.RegularExpressions;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Reads <c>dig +noall +comments +answer NAME TYPE</c>: the status from the <c>-&gt;&gt;HEADER&lt;&lt;-</c> comment,
/// and each answer line as <c>OWNER TTL CLASS TYPE DATA</c>, owner exactly as the server wrote it.
/// </summary>
internal static partial class DigOutput
{
    private static readonly char[] Whitespace = [' ', '\t'];

    public static DnsAnswer Parse(CommandResult result, string question)
    {
        var text = result.StdoutText;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dig for '{question}' failed with exit {result.ExitCode} (9 means no reply from the server): {result.Stderr.Trim()} {text.Trim()}");
        }

        var status = Status().Match(text);
        if (!status.Success)
        {
            throw new FormatException($"dig printed no '->>HEADER<<-' status line for '{question}':\n{text}");
        }

        var records = new List<DnsAnswerRecord>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(';'))
            {
                continue;
            }

            var fields = line.Split(Whitespace, 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
            {
                throw new FormatException($"'{line}' is not a dig answer line (OWNER TTL CLASS TYPE DATA).");
            }

            records.Add(new DnsAnswerRecord(fields[0], fields[3].ToUpperInvariant(), fields[4].Trim(), ttl));
        }

        return new DnsAnswer(question, status.Groups["status"].Value.ToUpperInvariant(), records);
    }

    [GeneratedRegex(@"->>HEADER<<-.*status:\s*(?<status>[A-Za-z]+)")]
    private static partial Regex Status();
}
