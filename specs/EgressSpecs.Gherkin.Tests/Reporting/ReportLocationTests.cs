using EgressSpecs.Gherkin.Reporting;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Reporting;

public sealed class ReportLocationTests
{
    [Fact]
    public void Resolve_NothingConfigured_IsReportsUnderTheTestOutputFolder()
    {
        // Given
        string? configured = null;

        // When
        var folder = ReportLocation.Resolve(configured);

        // Then
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "reports"), folder);
    }

    [Fact]
    public void Resolve_RelativeFolderConfigured_IsMadeAbsoluteFromTheWorkingDirectory()
    {
        // Given
        var configured = Path.Combine("out", "specs");

        // When
        var folder = ReportLocation.Resolve(configured);

        // Then
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "out", "specs"), folder);
    }
}
