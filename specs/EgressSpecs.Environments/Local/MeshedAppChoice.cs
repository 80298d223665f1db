namespace EgressSpecs.Environments.Local;

/// <summary>What <c>EGRESS_SPECS_MESHED_APP</c> asks for.</summary>
internal enum MeshedAppMode
{
    /// <summary>The real path when the machine allows it, else the in-process model (the default).</summary>
    Auto,

    /// <summary>The real path, or the target does not start.</summary>
    Real,

    /// <summary>The in-process model, without trying the real path.</summary>
    InProcess,
}

/// <summary>Which meshed app the local target runs, and the words the report uses for it.</summary>
/// <param name="IsReal">True for curl and glibc in a private mount namespace; false for the in-process model.</param>
/// <param name="Description">What runs, and for the model why.</param>
internal sealed record MeshedAppChoice(bool IsReal, string Description)
{
    /// <summary>The in-process model's own words, before the reason it was chosen.</summary>
    public const string InProcessModel = "in-process model (.NET's HttpClient, glibc's answer checks reimplemented, no search list)";

    /// <summary>
    /// The choice for <paramref name="mode"/>, given what the probe found: <paramref name="real"/> describes the real
    /// path when it is available, else <paramref name="unavailable"/> says why not (both null when the probe did not run).
    /// </summary>
    /// <exception cref="TargetUnavailableException">The real path was required and is not available.</exception>
    public static MeshedAppChoice Decide(MeshedAppMode mode, string? real, string? unavailable)
    {
        if (mode == MeshedAppMode.InProcess)
        {
            return new MeshedAppChoice(false, $"{InProcessModel}: {EgressEnvironmentVariables.MeshedApp}=in-process");
        }

        if (real is not null)
        {
            return new MeshedAppChoice(true, real);
        }

        var reason = unavailable ?? "the machine was not probed";
        return mode == MeshedAppMode.Real
            ? throw new TargetUnavailableException(EgressTargets.Local,
                $"{EgressEnvironmentVariables.MeshedApp}=real, but the meshed app cannot run as curl and glibc in a private mount namespace here: "
                + $"{reason}. Unset it (or set it to in-process) to run the in-process model.")
            : new MeshedAppChoice(false, $"{InProcessModel}: {reason}");
    }

    /// <summary>Reads the variable's value: unset or empty is <see cref="MeshedAppMode.Auto"/>.</summary>
    /// <exception cref="InvalidOperationException">Any other word.</exception>
    public static MeshedAppMode ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => MeshedAppMode.Auto,
        "real" => MeshedAppMode.Real,
        "in-process" => MeshedAppMode.InProcess,
        _ => throw new InvalidOperationException(
            $"{EgressEnvironmentVariables.MeshedApp}='{value}' is not one of auto (default), real, in-process."),
    };
}
