using EgressSpecs.Gherkin.LivingDoc;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.LivingDoc;

public sealed class LivingDocPageTests
{
    [Fact]
    public void RowLabelCss_Label_FollowsTheRowsNumber()
    {
        // Given
        KeyValuePair<string, string>[] labels = [new("row-1", "A decimal IPv4 literal is refused [2130706433]")];

        // When
        var css = LivingDocPage.RowLabelCss(labels);

        // Then
        Assert.Equal("h3[id=\"row-1\"]::after { content: \" A decimal IPv4 literal is refused [2130706433]\"; }\n", css);
    }

    [Fact]
    public void RowLabelCss_LabelWithQuotesBackslashesAndLineBreaks_EscapesThemForCss()
    {
        // Given
        KeyValuePair<string, string>[] labels = [new("row-1", "say \"hi\" \\ then\nbye")];

        // When
        var css = LivingDocPage.RowLabelCss(labels);

        // Then
        Assert.Contains("content: \" say \\22 hi\\22  \\5c  then\\a bye\";", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_ValuesThatCouldCloseTheScriptElement_AreEscaped()
    {
        // Given
        KeyValuePair<string, string>[] entries = [new("Proxy", "</script><script>alert(1)</script>")];

        // When
        var script = LivingDocPage.Script("local", entries, problem: null, rowLabels: []);

        // Then
        Assert.DoesNotContain("</script>", script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Living documentation: local", script, StringComparison.Ordinal);
    }
}
