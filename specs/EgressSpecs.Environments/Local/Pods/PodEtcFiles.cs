using EgressSpecs.Environments.Apps;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// The files a container's <c>/etc</c> holds for name resolution in a pod of a Debian-based image (the cluster targets'
/// app image is one): kubelet's <c>resolv.conf</c> and <c>hosts</c>, and the image's <c>nsswitch.conf</c>. Written to a
/// folder of their own, to be bind-mounted over the machine's in a private mount namespace (<see cref="MountNamespaceCommand"/>).
/// </summary>
internal sealed class PodEtcFiles : IDisposable
{
    /// <summary>
    /// Debian's default (libc-bin's /usr/share/libc-bin/nsswitch.conf): <c>hosts: files dns</c>. The machine's own may
    /// say otherwise (<c>mdns4_minimal</c>, <c>resolve</c> for systemd-resolved, which would bypass resolv.conf); a pod's does not.
    /// </summary>
    public const string NsswitchConf =
        "passwd:         files\n"
        + "group:          files\n"
        + "shadow:         files\n"
        + "gshadow:        files\n"
        + "hosts:          files dns\n"
        + "networks:       files\n"
        + "protocols:      db files\n"
        + "services:       db files\n"
        + "ethers:         db files\n"
        + "rpc:            db files\n";

    /// <summary>
    /// kubelet's managed hosts file (pkg/kubelet/kubelet_pods.go, managedHostsFileContent) without the pod's own
    /// address line: these pods have no address of their own, and nothing here resolves the pod's name.
    /// </summary>
    public const string Hosts =
        "# Kubernetes-managed hosts file.\n"
        + "127.0.0.1\tlocalhost\n"
        + "::1\tlocalhost ip6-localhost ip6-loopback\n"
        + "fe00::0\tip6-localnet\n"
        + "fe00::0\tip6-mcastprefix\n"
        + "fe00::1\tip6-allnodes\n"
        + "fe00::2\tip6-allrouters\n";

    private PodEtcFiles(string directory, ResolvConf resolvConf)
    {
        Directory = directory;
        ResolvConf = resolvConf;
    }

    /// <summary>The folder holding <c>resolv.conf</c>, <c>nsswitch.conf</c> and <c>hosts</c>.</summary>
    public string Directory { get; }

    public ResolvConf ResolvConf { get; }

    /// <summary>Writes the three files to a new temporary folder.</summary>
    public static PodEtcFiles Write(ResolvConf resolvConf)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("egress-specs-pod-etc-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "resolv.conf"), resolvConf.ToText());
            File.WriteAllText(Path.Combine(directory, "nsswitch.conf"), NsswitchConf);
            File.WriteAllText(Path.Combine(directory, "hosts"), Hosts);
            return new PodEtcFiles(directory, resolvConf);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
