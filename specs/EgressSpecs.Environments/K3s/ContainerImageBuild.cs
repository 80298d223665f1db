using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// One container recipe for every program of this repository: the .NET SDK's container publish
/// (<c>dotnet publish PROJECT -t:PublishContainer</c>), no Dockerfile. The image goes either to a tar that k3s imports
/// from its <c>agent/images</c> folder, or into the local Docker (or Podman) engine.
/// </summary>
/// <remarks>
/// Property names from the SDK's Microsoft.NET.Build.Containers.targets (checked in SDK 10.0.401):
/// <c>ContainerRepository</c>, <c>ContainerImageTag</c>, <c>ContainerArchiveOutputPath</c> and
/// <c>ContainerImageFormat</c>, which the single-image target passes to <c>CreateNewImage</c> as <c>ImageFormat</c>
/// (<c>Docker</c> or <c>OCI</c>, case-sensitive; from SDK 8.0.405, dotnet/sdk#46011). The archive is written in the
/// manifest's format (dotnet/sdk <c>LocalDaemons/DockerCli.cs</c>, <c>WriteImageToStreamAsync</c>) and only the
/// Docker layout is imported under the name kubelet asks for (<see cref="ImageArchive"/>), so an archive build forces
/// it, and the tar is checked after the build. Without an archive path and without <c>ContainerRegistry</c>, the SDK
/// loads the image into the local engine (<c>LocalRegistry</c> empty: it detects docker or podman).
/// </remarks>
internal sealed class ContainerImageBuild
{
    /// <summary>The proxy's image repository; pods and the k3s target use <c>egress-specs/proxy:&lt;run id&gt;</c>.</summary>
    public const string ProxyRepository = "egress-specs/proxy";

    private ContainerImageBuild(string project, string repository, string tag, string? archivePath)
    {
        ImageName = $"{repository}:{tag}";
        KubeletReference = DockerReference.Normalize(ImageName);
        Project = project;
        Repository = repository;
        Tag = tag;
        ArchivePath = archivePath;
    }

    /// <summary>The project file to publish.</summary>
    public string Project { get; }

    public string Repository { get; }

    public string Tag { get; }

    /// <summary>Where the tar goes; null when the image goes into the local engine.</summary>
    public string? ArchivePath { get; }

    /// <summary><c>repository:tag</c>, as a pod's <c>image:</c> names it.</summary>
    public string ImageName { get; }

    /// <summary>The fully qualified name containerd must list for kubelet to find the image (<c>docker.io/...</c>).</summary>
    public string KubeletReference { get; }

    /// <summary>A build into a Docker-format tar at <paramref name="archivePath"/>, which must end in <c>.tar</c>.</summary>
    public static ContainerImageBuild ToArchive(string project, string repository, string tag, string archivePath) =>
        archivePath.EndsWith(".tar", StringComparison.OrdinalIgnoreCase)
            ? new ContainerImageBuild(project, repository, tag, archivePath)
            // The SDK writes a plain tar whatever the name says, and k3s picks the decompressor by the extension.
            : throw new ArgumentException($"The image archive '{archivePath}' must end in .tar: the SDK writes no gzip, and k3s picks the decompressor by the name.", nameof(archivePath));

    /// <summary>A build into the local Docker (or Podman) engine.</summary>
    public static ContainerImageBuild ToLocalEngine(string project, string repository, string tag) => new(project, repository, tag, null);

    /// <summary>The <c>dotnet</c> arguments for a Linux image of <paramref name="architecture"/>.</summary>
    public IReadOnlyList<string> Arguments(Architecture architecture)
    {
        List<string> arguments =
        [
            "publish", Project,
            "--configuration", "Release",
            "--os", "linux",
            "--arch", architecture == Architecture.Arm64 ? "arm64" : "x64",
            "-t:PublishContainer",
            $"-p:ContainerRepository={Repository}",
            $"-p:ContainerImageTag={Tag}",
        ];
        if (ArchivePath is not null)
        {
            arguments.Add($"-p:ContainerArchiveOutputPath={ArchivePath}");
            arguments.Add("-p:ContainerImageFormat=Docker");
        }

        return arguments;
    }

    /// <summary>
    /// Runs the publish for the host's architecture, then checks an archive with <see cref="VerifyArchive"/>; throws
    /// with the publish's output when it fails or outlives <paramref name="timeout"/>.
    /// </summary>
    public async Task BuildAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Arguments(RuntimeInformation.OSArchitecture))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start 'dotnet publish' for the image {ImageName}.");
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
            var message = $"'dotnet publish -t:PublishContainer' of {ImageName} {(cancellationToken.IsCancellationRequested ? "was cancelled" : $"did not finish within {timeout.TotalMinutes:0} min")}:\n{output}";
            throw cancellationToken.IsCancellationRequested ? new OperationCanceledException(message, cancellationToken) : new TimeoutException(message);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet {string.Join(' ', start.ArgumentList)}' failed (exit {process.ExitCode}):\n{output}");
        }

        VerifyArchive();
    }

    /// <summary>
    /// For an archive build: throws unless the tar exists, is in the Docker format and carries <see cref="ImageName"/>
    /// as a RepoTag, so that k3s imports it as <see cref="KubeletReference"/>. Nothing to check for the local engine.
    /// </summary>
    public void VerifyArchive()
    {
        if (ArchivePath is null)
        {
            return;
        }

        if (!File.Exists(ArchivePath))
        {
            throw new InvalidOperationException($"'dotnet publish -t:PublishContainer' of {ImageName} succeeded but wrote no archive at {ArchivePath}.");
        }

        ImageArchive.RequireKubeletCanFind(ArchivePath, ImageName);
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
