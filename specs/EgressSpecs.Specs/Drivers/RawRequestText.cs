using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// The bytes of a request written line by line in a feature file: every line is sent followed by CRLF (so the
/// empty line ends the head), <c>\xNN</c> stands for the byte NN and <c>{c*N}</c> for N times the character c.
/// The request target of every request line gets the scenario's path prefix.
/// </summary>
internal static partial class RawRequestText
{
    public static byte[] Encode(string text, ScenarioIsolation isolation)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => Isolate(Expand(line), isolation));
        var wire = string.Concat(lines.Select(line => line + "\r\n"));
        return Encoding.Latin1.GetBytes(Unescape(wire));
    }

    private static string Expand(string line) =>
        Repeat().Replace(line, match => new string(match.Groups["c"].Value[0], int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)));

    private static string Unescape(string line) =>
        Byte().Replace(line, match => ((char)byte.Parse(match.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    private static string Isolate(string line, ScenarioIsolation isolation)
    {
        var match = RequestLine().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var target = match.Groups["target"].Value;
        var isolated = target.StartsWith('/')
            ? isolation.Isolate(target)
            : AbsoluteForm().Replace(target, form => form.Groups["origin"].Value + isolation.Isolate(form.Groups["path"].Value), 1);
        return $"{match.Groups["method"].Value} {isolated} {match.Groups["version"].Value}";
    }

    [GeneratedRegex(@"\{(?<c>.)\*(?<n>\d{1,5})\}")]
    private static partial Regex Repeat();

    [GeneratedRegex(@"\\x(?<hex>[0-9A-Fa-f]{2})")]
    private static partial Regex Byte();

    [GeneratedRegex(@"^(?<method>[A-Z]+) (?<target>\S+) (?<version>HTTP/\d\.\d)$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^(?<origin>https?://[^/]+)(?<path>/.*)$")]
    private static partial Regex AbsoluteForm();
}
