namespace EgressSpecs.Gherkin;

/// <summary>
/// What a test run tested, for the top of every report (living doc, summary.md, junit.xml): a name and ordered
/// label/value pairs. The adapter knows nothing about what is under test; the test project fills this in a
/// before-test-run hook, which receives it as a parameter:
/// <code>
/// [BeforeTestRun(Order = -100)]
/// public static void DescribeRun(RunDescription run)
/// {
///     run.Name = "local";
///     run.Add("Target", "local");
/// }
/// </code>
/// Give such a hook a lower <c>Order</c> than any hook that may fail, so a run that cannot start is still described.
/// </summary>
public sealed class RunDescription
{
    private readonly Lock _lock = new();
    private readonly List<KeyValuePair<string, string>> _entries = [];
    private string? _name;
    private string _defaultName;

    internal RunDescription(string defaultName) => _defaultName = defaultName;

    /// <summary>The description of this process's test run (one test assembly runs per process).</summary>
    internal static RunDescription Current { get; } = new("tests");

    /// <summary>
    /// What the run is called: the JUnit suite's name and the reports' title (default: the test assembly's name).
    /// </summary>
    public string Name
    {
        get
        {
            lock (_lock)
            {
                return _name ?? _defaultName;
            }
        }

        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            lock (_lock)
            {
                _name = value.Trim();
            }
        }
    }

    /// <summary>The label/value pairs, in the order they were first added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>
    /// Adds a line to the reports' header, or replaces the value of the line with that label where it stands.
    /// Values are shown on one line: line breaks become spaces.
    /// </summary>
    public void Add(string label, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(value);
        var entry = new KeyValuePair<string, string>(label.Trim(), OneLine(value));
        lock (_lock)
        {
            var index = _entries.FindIndex(e => e.Key.Equals(entry.Key, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                _entries[index] = entry;
            }
            else
            {
                _entries.Add(entry);
            }
        }
    }

    /// <summary>Forgets the name and every entry: each test run starts with an empty description.</summary>
    internal void Reset(string defaultName)
    {
        lock (_lock)
        {
            _defaultName = defaultName;
            _name = null;
            _entries.Clear();
        }
    }

    private static string OneLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
