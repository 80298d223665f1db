using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class MeshedAppChoiceTests
{
    private const string Real = "curl 7.88.1 + glibc 2.36 in a private mount namespace";

    [Theory]
    [InlineData(nameof(MeshedAppMode.Auto))]
    [InlineData(nameof(MeshedAppMode.Real))]
    public void Decide_RealPathAvailable_TakesIt(string mode)
    {
        // When
        var choice = MeshedAppChoice.Decide(Enum.Parse<MeshedAppMode>(mode), Real, null);

        // Then
        Assert.True(choice.IsReal);
        Assert.Equal(Real, choice.Description);
    }

    [Fact]
    public void Decide_AutoAndUnavailable_FallsBackToTheModelNamingTheReason()
    {
        // When
        var choice = MeshedAppChoice.Decide(MeshedAppMode.Auto, null, "cannot bind 127.0.1.53:53 (permission denied)");

        // Then
        Assert.False(choice.IsReal);
        Assert.Equal($"{MeshedAppChoice.InProcessModel}: cannot bind 127.0.1.53:53 (permission denied)", choice.Description);
    }

    [Fact]
    public void Decide_RealRequiredButUnavailable_StopsTheTargetWithTheReason()
    {
        // When
        var failure = Assert.Throws<TargetUnavailableException>(() => MeshedAppChoice.Decide(MeshedAppMode.Real, null, "curl is not installed"));

        // Then
        Assert.Equal("local", failure.Target);
        Assert.Contains("EGRESS_SPECS_MESHED_APP=real", failure.Reason);
        Assert.Contains("curl is not installed", failure.Reason);
    }

    [Fact]
    public void Decide_InProcessAsked_IsTheModelEvenWhenTheRealPathWouldRun()
    {
        // When
        var choice = MeshedAppChoice.Decide(MeshedAppMode.InProcess, Real, null);

        // Then
        Assert.False(choice.IsReal);
        Assert.EndsWith("EGRESS_SPECS_MESHED_APP=in-process", choice.Description);
    }

    [Theory]
    [InlineData(null, nameof(MeshedAppMode.Auto))]
    [InlineData("", nameof(MeshedAppMode.Auto))]
    [InlineData(" Auto ", nameof(MeshedAppMode.Auto))]
    [InlineData("real", nameof(MeshedAppMode.Real))]
    [InlineData("IN-PROCESS", nameof(MeshedAppMode.InProcess))]
    public void ParseMode_KnownWords_AreRead(string? value, string mode)
    {
        // Then
        Assert.Equal(Enum.Parse<MeshedAppMode>(mode), MeshedAppChoice.ParseMode(value));
    }

    [Fact]
    public void ParseMode_OtherWord_NamesTheVariableAndTheValidValues()
    {
        // When
        var failure = Assert.Throws<InvalidOperationException>(() => MeshedAppChoice.ParseMode("curl"));

        // Then
        Assert.Equal("EGRESS_SPECS_MESHED_APP='curl' is not one of auto (default), real, in-process.", failure.Message);
    }
}
