using System.Formats.Tar;
using System.Text;

namespace EgressSpecs.Environments.Tests.K3s;

/// <summary>Small synthetic image tars in the two layouts the .NET SDK writes (dotnet/sdk LocalDaemons/DockerCli.cs).</summary>
internal static class ImageTars
{
    private const string ConfigDigest = "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904a1e3e3b2bd5c3b7e4e7c1a2f";

    /// <summary><c>docker save</c>'s layout: one config, one layer, <c>manifest.json</c> with the given RepoTags.</summary>
    public static MemoryStream Docker(params string[] repoTags)
    {
        var tags = string.Join(",", repoTags.Select(tag => $"\"{tag}\""));
        return Tar(
            ("4b825dc6.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"""),
            ("0f1e2d3c/layer.tar", "not really a layer"),
            ("manifest.json", $$"""[{"Config":"4b825dc6.json","RepoTags":[{{tags}}],"Layers":["0f1e2d3c/layer.tar"]}]"""));
    }

    /// <summary>An OCI image layout whose index names the image with <c>org.opencontainers.image.ref.name</c>.</summary>
    public static MemoryStream Oci(string refName, string? containerdName = null)
    {
        var containerd = containerdName is null ? string.Empty : $$""","io.containerd.image.name":"{{containerdName}}" """;
        return Tar(
            ("oci-layout", """{"imageLayoutVersion":"1.0.0"}"""),
            ($"blobs/sha256/{ConfigDigest[7..]}", "{}"),
            ("index.json", $$$"""
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
                  {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{ConfigDigest}}}","size":2,
                   "annotations":{"org.opencontainers.image.ref.name":"{{{refName}}}"{{{containerd}}}}}]}
                """));
    }

    /// <summary>Both layouts at once, as newer <c>docker save</c> writes them: containerd then reads the OCI side.</summary>
    public static MemoryStream DockerAndOci(string repoTag, string refName) => Tar(
        ("oci-layout", """{"imageLayoutVersion":"1.0.0"}"""),
        ("index.json", $$$"""{"schemaVersion":2,"manifests":[{"digest":"{{{ConfigDigest}}}","annotations":{"org.opencontainers.image.ref.name":"{{{refName}}}"}}]}"""),
        ("./manifest.json", $$"""[{"Config":"c.json","RepoTags":["{{repoTag}}"],"Layers":[]}]"""));

    public static MemoryStream Tar(params (string Name, string Text)[] files)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "blobs/"));
            foreach (var (name, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        tar.Position = 0;
        return tar;
    }

    public static string WriteTo(string directory, string name, MemoryStream tar)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, tar.ToArray());
        return path;
    }
}
