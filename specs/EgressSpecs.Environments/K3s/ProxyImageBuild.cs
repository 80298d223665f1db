using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Builds the proxy's container image as a tar without Docker or a registry: the .NET SDK's container publish
/// (<c>-t:PublishContainer</c> with <c>ContainerArchiveOutputPath</c>, dotnet/sdk src/Containers ArchiveFileRegistry)
/// writes a plain tar that k3s imports from its <c>agent/images</c> folder.
/// </summary>
internal static class ProxyImageBuild
{
    public const string Repository = "egress-specs/proxy";

    /// <summary>The image reference pods use; containerd stores it under docker.io/.</summary>
    public static string ImageName(string tag) => $"{Repository}:{tag}";

    /// <summary>The <c>dotnet</c> arguments; the tar's name ends in <c>.tar</c> because the SDK writes no gzip.</summary>
    public static IReadOnlyList<string> Arguments(string proxyProject, string tag, string? tarPath, Architecture architecture, string repository = Repository) =>
    [
        "publish", proxyProject,
        "--configuration", "Release",
        "--os", "linux",
        "--arch", architecture == Architecture.Arm64 ? "arm64" : "x64",
        "-t:PublishContainer",
        $"-p:ContainerRepository={repository}",
        $"-p:ContainerImageTag={tag}",

        // Without an archive path the SDK loads the image into the local Docker engine.
        .. tarPath is null ? Array.Empty<string>() : [$"-p:ContainerArchiveOutputPath={tarPath}"],
    ];

    /// <summary>Runs the publish; throws with its output when it fails or outlives <paramref name="timeout"/>.</summary>
    public static async Task BuildAsync(
        string proxyProject, string tag, string? tarPath, TimeSpan timeout, CancellationToken cancellationToken, string repository = Repository)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Arguments(proxyProject, tag, tarPath, RuntimeInformation.OSArchitecture, repository))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet publish' for the proxy image.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet publish -t:PublishContainer' of the proxy did not finish within {timeout.TotalMinutes:0} min:\n{output}");
        }

        if (process.ExitCode != 0 || (tarPath is not null && !File.Exists(tarPath)))
        {
            throw new InvalidOperationException($"'dotnet {string.Join(' ', start.ArgumentList)}' failed (exit {process.ExitCode}):\n{output}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
