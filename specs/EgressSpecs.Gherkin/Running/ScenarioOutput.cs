using System.Text;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Holds what a scenario's steps and hooks write until the scenario has ended, so the output can be judged as a
/// whole: a skipped scenario's steps never ran, and lines such as "skipped because of previous errors" under it
/// would only mislead. The capture flows with the scenario's async context, so parallel scenarios never mix.
/// </summary>
internal static class ScenarioOutput
{
    private static readonly AsyncLocal<StringBuilder?> Capture = new();

    /// <summary>Starts capturing for the calling scenario's flow; returns the buffer that receives its lines.</summary>
    public static StringBuilder Begin()
    {
        var buffer = new StringBuilder();
        Capture.Value = buffer;
        return buffer;
    }

    /// <summary>Adds a line to the current scenario's capture; false when no scenario is capturing.</summary>
    public static bool TryWriteLine(string line)
    {
        if (Capture.Value is not { } buffer)
        {
            return false;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        return true;
    }
}
