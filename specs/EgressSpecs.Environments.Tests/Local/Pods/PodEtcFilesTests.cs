using System.Net;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Local.Pods;

namespace EgressSpecs.Environments.Tests.Local.Pods;

public sealed class PodEtcFilesTests
{
    [Fact]
    public void Write_PodResolvConf_WritesTheThreeFilesAndDisposeRemovesThem()
    {
        // Given
        var resolvConf = ResolvConf.ForPod(IPAddress.Parse("127.0.3.53"), "ns");

        // When
        string directory;
        using (var files = PodEtcFiles.Write(resolvConf))
        {
            directory = files.Directory;

            // Then
            Assert.Equal(resolvConf.ToText(), File.ReadAllText(Path.Combine(directory, "resolv.conf")));
            Assert.Contains("hosts:          files dns\n", File.ReadAllText(Path.Combine(directory, "nsswitch.conf")));
            Assert.Contains("127.0.0.1\tlocalhost\n", File.ReadAllText(Path.Combine(directory, "hosts")));
        }

        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void NsswitchConf_Hosts_HasNoModuleBeforeDns()
    {
        // Then: no mdns4_minimal, resolve or myhostname between the hosts file and the pod's resolv.conf
        var hosts = PodEtcFiles.NsswitchConf.Split('\n').Single(line => line.StartsWith("hosts:", StringComparison.Ordinal));
        Assert.Equal(["hosts:", "files", "dns"], hosts.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
