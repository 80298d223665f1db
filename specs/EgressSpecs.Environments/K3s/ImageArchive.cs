using System.Formats.Tar;
using System.Text.Json;

namespace EgressSpecs.Environments.K3s;

/// <summary>The two layouts of an image tar, told apart as containerd tells them apart.</summary>
internal enum ImageArchiveFormat
{
    /// <summary><c>docker save</c>'s layout: <c>manifest.json</c> with <c>RepoTags</c>, no <c>oci-layout</c>.</summary>
    Docker,

    /// <summary>An OCI image layout: <c>oci-layout</c> and <c>index.json</c> (wins even when a <c>manifest.json</c> is present too).</summary>
    Oci,
}

/// <summary>What an image tar holds, and the image names containerd will register when it imports it.</summary>
/// <param name="Format">The layout containerd will read.</param>
/// <param name="Names">The names as written: RepoTags (Docker) or the index's name annotations (OCI).</param>
/// <param name="ContainerdNames">The image names after import, as <c>k3s ctr -n k8s.io images ls -q</c> lists them.</param>
internal sealed record ImageArchiveContents(ImageArchiveFormat Format, IReadOnlyList<string> Names, IReadOnlyList<string> ContainerdNames);

/// <summary>
/// Reads an image tar before k3s imports it, so that a tar kubelet could not use fails the build step with the reason
/// instead of a pod in <c>ErrImageNeverPull</c> minutes later.
/// </summary>
/// <remarks>
/// Mirrors containerd v2.1.5 (the containerd of k3s v1.34.2+k3s1): <c>core/images/archive/importer.go</c>
/// (<c>ImportIndex</c>: an <c>oci-layout</c> file makes the tar an OCI layout read through <c>index.json</c>,
/// otherwise <c>manifest.json</c>'s RepoTags are normalised with <c>ParseDockerRef</c> and stored as
/// <c>io.containerd.image.name</c>) and <c>client/import.go</c> (<c>imageName</c>: <c>io.containerd.image.name</c>,
/// else <c>org.opencontainers.image.ref.name</c> as written, since k3s passes no name translator). So a Docker tar
/// tagged <c>egress-specs/proxy:abc</c> becomes <c>docker.io/egress-specs/proxy:abc</c>, which kubelet finds, and the
/// .NET SDK's OCI tar (ref.name <c>egress-specs/proxy:abc</c>) keeps that short name, which kubelet does not.
/// </remarks>
internal static class ImageArchive
{
    private const string OciLayoutFile = "oci-layout";
    private const string OciIndexFile = "index.json";
    private const string DockerManifestFile = "manifest.json";
    private const string ContainerdImageName = "io.containerd.image.name";
    private const string OciRefName = "org.opencontainers.image.ref.name";

    public static ImageArchiveContents Read(string path)
    {
        using var file = File.OpenRead(path);
        try
        {
            return Read(file);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or JsonException)
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }
    }

    /// <exception cref="InvalidDataException">Not a tar, or neither layout (containerd: "unrecognized image format").</exception>
    public static ImageArchiveContents Read(Stream tar)
    {
        string? ociLayoutVersion = null;
        JsonDocument? index = null;
        JsonDocument? manifest = null;
        try
        {
            using var reader = new TarReader(tar, leaveOpen: true);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                switch (CleanName(entry.Name))
                {
                    case OciLayoutFile:
                        using (var layout = JsonDocument.Parse(entry.DataStream))
                        {
                            ociLayoutVersion = layout.RootElement.TryGetProperty("imageLayoutVersion", out var version) ? version.GetString() : null;
                        }

                        break;
                    case OciIndexFile:
                        index?.Dispose();
                        index = JsonDocument.Parse(entry.DataStream);
                        break;
                    case DockerManifestFile:
                        manifest?.Dispose();
                        manifest = JsonDocument.Parse(entry.DataStream);
                        break;
                }
            }

            if (!string.IsNullOrEmpty(ociLayoutVersion))
            {
                var names = index is null
                    ? throw new InvalidDataException($"an OCI layout ({OciLayoutFile} {ociLayoutVersion}) without {OciIndexFile}")
                    : OciNames(index.RootElement);
                return new ImageArchiveContents(
                    ImageArchiveFormat.Oci,
                    [.. names.Select(name => name.RefName ?? name.ContainerdName).OfType<string>()],
                    [.. names.Select(name => name.ContainerdName ?? name.RefName).OfType<string>()]);
            }

            if (manifest is null)
            {
                throw new InvalidDataException($"not an image archive: neither {OciLayoutFile} nor {DockerManifestFile}");
            }

            var repoTags = RepoTags(manifest.RootElement);
            return new ImageArchiveContents(ImageArchiveFormat.Docker, repoTags, [.. repoTags.Select(DockerReference.Normalize)]);
        }
        finally
        {
            index?.Dispose();
            manifest?.Dispose();
        }
    }

    /// <summary>
    /// Null when containerd will register <paramref name="image"/> under the name kubelet asks for, else why not:
    /// the tar must be in the Docker format and carry <paramref name="image"/> as a RepoTag.
    /// </summary>
    public static string? KubeletCannotFind(ImageArchiveContents contents, string image)
    {
        var wanted = DockerReference.Normalize(image);
        if (contents.Format != ImageArchiveFormat.Docker)
        {
            return $"it is an OCI image layout: containerd registers its names as written ({Listed(contents.ContainerdNames)}), "
                + $"while kubelet asks for {wanted}; publish with -p:ContainerImageFormat=Docker (a multi-architecture publish is always OCI)";
        }

        return contents.Names.Contains(image, StringComparer.Ordinal)
            ? null
            : $"its RepoTags are {Listed(contents.Names)}, not {image} (kubelet asks containerd for {wanted})";
    }

    /// <summary>Throws with the path and the reason unless kubelet will find <paramref name="image"/> after k3s imports the tar.</summary>
    public static void RequireKubeletCanFind(string path, string image)
    {
        if (KubeletCannotFind(Read(path), image) is { } problem)
        {
            throw new InvalidOperationException($"The image archive {path} cannot serve pods that use {image}: {problem}.");
        }
    }

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    // containerd cleans entry names with path.Clean: "./manifest.json" is "manifest.json".
    private static string CleanName(string name) => name.StartsWith("./", StringComparison.Ordinal) ? CleanName(name[2..]) : name.TrimEnd('/');

    private static List<(string? ContainerdName, string? RefName)> OciNames(JsonElement index)
    {
        var names = new List<(string?, string?)>();
        if (index.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array)
        {
            foreach (var descriptor in manifests.EnumerateArray())
            {
                if (descriptor.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object)
                {
                    names.Add((NonEmpty(annotations, ContainerdImageName), NonEmpty(annotations, OciRefName)));
                }
            }
        }

        return names;
    }

    private static List<string> RepoTags(JsonElement manifest)
    {
        if (manifest.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{DockerManifestFile} is not a JSON array");
        }

        return
        [
            .. manifest.EnumerateArray()
                .Where(image => image.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array)
                .SelectMany(image => image.GetProperty("RepoTags").EnumerateArray())
                .Select(tag => tag.GetString())
                .OfType<string>(),
        ];
    }

    private static string? NonEmpty(JsonElement annotations, string key) =>
        annotations.TryGetProperty(key, out var value) && value.GetString() is { Length: > 0 } text ? text : null;
}
