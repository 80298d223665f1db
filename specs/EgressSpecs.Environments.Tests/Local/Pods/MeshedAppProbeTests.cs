using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Local.Pods;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Local.Pods;

public sealed class MeshedAppProbeTests
{
    private static readonly IPEndPoint PodDns = IPEndPoint.Parse("127.0.1.53:53");

    [Fact]
    public void ToolsProblem_EverythingInstalled_IsNone()
    {
        // Then
        Assert.Null(MeshedAppProbe.ToolsProblem(isLinux: true, _ => true));
    }

    [Fact]
    public void ToolsProblem_NoCurl_SaysWhatToInstall()
    {
        // When
        var problem = MeshedAppProbe.ToolsProblem(isLinux: true, tool => tool != "curl");

        // Then
        Assert.StartsWith("curl is not installed", problem);
        Assert.Contains("apt-get install curl", problem);
    }

    [Fact]
    public void ToolsProblem_NotLinux_NamesLinux()
    {
        // Then
        Assert.Equal("private mount namespaces and glibc need Linux", MeshedAppProbe.ToolsProblem(isLinux: false, _ => true));
    }

    [Fact]
    public void BindProblem_PermissionDeniedWithoutRoot_NamesTheSysctlAndWhatToDo()
    {
        // When
        var problem = MeshedAppProbe.BindProblem(new SocketException((int)SocketError.AccessDenied), PodDns, isRoot: false, "1024");

        // Then
        Assert.Equal(
            "cannot bind 127.0.1.53:53 (permission denied): not root, and net.ipv4.ip_unprivileged_port_start is 1024 (run as root, or lower it to 53)",
            problem);
    }

    [Fact]
    public void BindProblem_OtherError_GivesTheSocketsMessage()
    {
        // When
        var problem = MeshedAppProbe.BindProblem(new SocketException((int)SocketError.AddressNotAvailable), PodDns, isRoot: true, "1024");

        // Then
        Assert.StartsWith("cannot bind 127.0.1.53:53: ", problem);
    }

    [Fact]
    public void GetentProblem_ExpectedAddress_IsNone()
    {
        // Given
        var result = new CommandResult(0, "127.0.1.10      STREAM proxy.egress.svc.cluster.local\n"u8.ToArray(), "");

        // Then
        Assert.Null(MeshedAppProbe.GetentProblem(result, IPAddress.Parse("127.0.1.10")));
    }

    [Fact]
    public void GetentProblem_MachinesResolverAnswered_SaysSo()
    {
        // Given: an nscd or a resolver that ignores resolv.conf answered with something else
        var result = new CommandResult(0, "10.1.2.3        STREAM proxy.egress.svc.cluster.local\n"u8.ToArray(), "");

        // When
        var problem = MeshedAppProbe.GetentProblem(result, IPAddress.Parse("127.0.1.10"));

        // Then
        Assert.Contains("got [10.1.2.3]", problem);
    }

    [Fact]
    public void GetentProblem_UnshareRefused_GivesItsMessage()
    {
        // Given
        var result = new CommandResult(1, [], "unshare: unshare failed: Operation not permitted\n");

        // Then
        Assert.Equal("exit 1, unshare: unshare failed: Operation not permitted", MeshedAppProbe.GetentProblem(result, IPAddress.Parse("127.0.1.10")));
    }
}
