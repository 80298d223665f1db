using EgressSpecs.Environments.Local.Pods;

namespace EgressSpecs.Environments.Tests.Local.Pods;

public sealed class MountNamespaceCommandTests
{
    [Fact]
    public void Wrap_Privileged_UnsharesTheMountNamespaceAndPassesTheCommandUnquoted()
    {
        // When
        var argv = MountNamespaceCommand.Wrap(UnshareMode.Privileged, "/tmp/pod-etc", ["getent", "ahostsv4", "x y"]);

        // Then: the folder is $0 and the command "$@" of the script, each word one argv entry
        Assert.Equal(
            ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", MountNamespaceCommand.Script, "/tmp/pod-etc", "getent", "ahostsv4", "x y"],
            argv);
    }

    [Fact]
    public void Wrap_UserNamespace_MapsTheUserToRootFirst()
    {
        // When
        var argv = MountNamespaceCommand.Wrap(UnshareMode.UserNamespace, "/tmp/pod-etc", ["curl", "--version"]);

        // Then
        Assert.Equal(["unshare", "--map-root-user", "--mount", "--propagation", "private", "--"], argv.Take(6));
    }

    [Fact]
    public void Wrap_CurlWithABody_KeepsThePodsShellPipeIntact()
    {
        // Given: what CurlCommand gives a pod for a request with a body
        string[] piped = ["sh", "-c", "head -c \"$0\" | \"$@\"", "5", "curl", "--data-binary", "@-", "http://x.egress.local/"];

        // When
        var argv = MountNamespaceCommand.Wrap(UnshareMode.Privileged, "/tmp/pod-etc", piped);

        // Then
        Assert.Equal(piped, argv.Skip(9));
    }

    [Fact]
    public void Script_DropsResolverVariablesBindsThePodFilesAndHidesNscdThenExecs()
    {
        // Then
        Assert.StartsWith("unset LOCALDOMAIN RES_OPTIONS HOSTALIASES && mount --bind \"$0/resolv.conf\" /etc/resolv.conf && ", MountNamespaceCommand.Script);
        Assert.Contains("mount --bind \"$0/nsswitch.conf\" /etc/nsswitch.conf", MountNamespaceCommand.Script);
        Assert.Contains("mount --bind \"$0/hosts\" /etc/hosts", MountNamespaceCommand.Script);
        Assert.Contains("mount -t tmpfs pod-without-nscd /var/run/nscd", MountNamespaceCommand.Script);
        Assert.EndsWith(" && exec \"$@\"", MountNamespaceCommand.Script);
    }

    [Fact]
    public void Wrap_NoCommand_IsRefused()
    {
        // When
        var failure = Assert.Throws<ArgumentException>(() => MountNamespaceCommand.Wrap(UnshareMode.Privileged, "/tmp/pod-etc", []));

        // Then
        Assert.Contains("program", failure.Message);
    }
}
