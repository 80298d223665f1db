using System.Globalization;
using System.Text.RegularExpressions;

namespace EgressSpecs.Specs.Drivers;

/// <summary>The samples of a Prometheus text exposition: enough to sum a series over the labels a step names.</summary>
internal sealed partial class PrometheusSamples
{
    private readonly List<Sample> _samples;

    private PrometheusSamples(List<Sample> samples) => _samples = samples;

    public string Text { get; private init; } = "";

    public static PrometheusSamples Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: '{line}'.");
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups["name"].Value, pair => Regex.Unescape(pair.Groups["value"].Value));
            samples.Add(new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }

        return new PrometheusSamples(samples) { Text = text };
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        _samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.TryGetValue(label.Name, out var value) && value == label.Value))
            .Sum(sample => sample.Value);

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\S+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
