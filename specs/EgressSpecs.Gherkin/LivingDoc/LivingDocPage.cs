using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EgressSpecs.Gherkin.LivingDoc;

/// <summary>
/// What the adapter adds to Reqnroll's html living doc page: a header that says what was tested (and why the run
/// did not start, when it did not), and each outline row's name next to its number. The html formatter renders an
/// example row as "#1.3" only (cucumber/react-components 24.1.2, <c>Examples.tsx</c>) and never shows the Examples
/// table, so the row's label ("A decimal IPv4 literal") would otherwise appear nowhere.
/// </summary>
internal static class LivingDocPage
{
    /// <summary>Styles written at the top of the page: a skip reason reads as a note, not as an error.</summary>
    public const string Css =
        """
        li[data-status="SKIPPED"] pre { background-color: #f4f4f4; color: #555; }
        .egress-specs-run { font-family: sans-serif; margin: 1em 1.5em 0; padding: 0.75em 1em; border: 1px solid #ddd; border-radius: 0.25em; }
        .egress-specs-run h1 { font-size: 1.25em; margin: 0 0 0.5em; }
        .egress-specs-run dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; margin: 0; }
        .egress-specs-run dt { font-weight: bold; }
        .egress-specs-run dd { margin: 0; }
        .egress-specs-problem { white-space: pre-wrap; background-color: #fde8e8; color: #8a1c1c; padding: 0.5em 0.75em; border-radius: 0.25em; }
        """;

    // Runs once the report has rendered its root; touches nothing React owns (the header goes before #content,
    // the row labels are CSS generated content).
    private const string ScriptTemplate =
        """
        (function (run) {
          document.title = run.title;
          var style = document.createElement('style');
          style.textContent = run.rowLabels;
          document.head.appendChild(style);
          var header = document.createElement('header');
          header.className = 'egress-specs-run';
          var heading = document.createElement('h1');
          heading.textContent = run.title;
          header.appendChild(heading);
          if (run.entries.length > 0) {
            var list = document.createElement('dl');
            run.entries.forEach(function (entry) {
              var label = document.createElement('dt');
              label.textContent = entry[0];
              var value = document.createElement('dd');
              value.textContent = entry[1];
              list.appendChild(label);
              list.appendChild(value);
            });
            header.appendChild(list);
          }
          if (run.problem) {
            var problem = document.createElement('p');
            problem.className = 'egress-specs-problem';
            problem.textContent = run.problem;
            header.appendChild(problem);
          }
          document.body.insertBefore(header, document.body.firstChild);
        })(RUN);
        """;

    /// <summary>The script the page runs after the report: its header, its title and the outline rows' labels.</summary>
    /// <param name="name">The run's name, for the page's title.</param>
    /// <param name="entries">What was tested, for the header.</param>
    /// <param name="problem">Why the run did not start, or null.</param>
    /// <param name="rowLabels">Each outline row's id (its Examples table row) with the name to show next to its number.</param>
    public static string Script(
        string name,
        IReadOnlyList<KeyValuePair<string, string>> entries,
        string? problem,
        IEnumerable<KeyValuePair<string, string>> rowLabels)
    {
        var run = new
        {
            title = $"Living documentation: {name}",
            entries = entries.Select(e => new[] { e.Key, e.Value }),
            problem,
            rowLabels = RowLabelCss(rowLabels),
        };
        // System.Text.Json escapes '<', '>' and '&', so the data cannot close the script element it sits in.
        return ScriptTemplate.Replace("RUN", JsonSerializer.Serialize(run), StringComparison.Ordinal);
    }

    /// <summary>One rule per outline row: its name after the row's number ("#1.3 A decimal IPv4 literal is refused").</summary>
    public static string RowLabelCss(IEnumerable<KeyValuePair<string, string>> rowLabels)
    {
        var css = new StringBuilder();
        foreach (var (rowId, label) in rowLabels)
        {
            css.Append(CultureInfo.InvariantCulture, $"h3[id={CssString(rowId)}]::after {{ content: {CssString(" " + label)}; }}\n");
        }

        return css.ToString();
    }

    // A CSS string literal: quotes, backslashes and control characters as hex escapes, everything else as is.
    private static string CssString(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' || char.IsControl(c))
            {
                literal.Append(CultureInfo.InvariantCulture, $"\\{(int)c:x} ");
            }
            else
            {
                literal.Append(c);
            }
        }

        return literal.Append('"').ToString();
    }
}
