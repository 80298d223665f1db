namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// A message squeezed onto one line for lists: its first paragraph (up to the first blank line; later ones hold
/// details such as code to write or diagnostics), lines joined with " / ", runs of spaces collapsed, capped.
/// </summary>
internal static class OneLine
{
    public const int DefaultMaxLength = 300;

    public static string Of(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = text.Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .SkipWhile(line => line.Length == 0)
            .TakeWhile(line => line.Length > 0);
        var joined = string.Join(" / ", lines);
        return joined.Length <= maxLength ? joined : joined[..(maxLength - 3)].TrimEnd() + "...";
    }
}
