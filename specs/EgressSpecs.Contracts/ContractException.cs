namespace EgressSpecs.Contracts;

/// <summary>
/// A contract file that cannot be used: the message names the file, the line and the field at fault, as a compiler
/// does (<c>contract.yaml:7: reachable[1].status: 700 is not an HTTP status (100-599)</c>).
/// </summary>
public sealed class ContractException : Exception
{
    public ContractException(string file, int? line, string? field, string problem, Exception? innerException = null)
        : base(Format(file, line, field, problem), innerException)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>The line at fault (1-based), or null when the file as a whole is (it cannot be read).</summary>
    public int? Line { get; }

    /// <summary>The field at fault as a path (<c>reachable[1].status</c>), or null.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }

    private static string Format(string file, int? line, string? field, string problem) =>
        $"{file}{(line is { } at ? $":{at}" : string.Empty)}: {(field is null ? string.Empty : $"{field}: ")}{problem}";
}
