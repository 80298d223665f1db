namespace EgressSpecs.Environments.Local.Pods;

/// <summary>How <c>unshare</c> may create a private mount namespace on this machine.</summary>
internal enum UnshareMode
{
    /// <summary><c>unshare --mount</c>: needs CAP_SYS_ADMIN (root).</summary>
    Privileged,

    /// <summary><c>unshare --map-root-user --mount</c>: a user namespace first, where an unprivileged user may mount.</summary>
    UserNamespace,
}

/// <summary>
/// The command line that runs a command as if in a pod's container, as far as name resolution goes: a private mount
/// namespace (util-linux <c>unshare</c>, propagation private so nothing leaks back) in which the pod's files
/// (<see cref="PodEtcFiles"/>) are bind-mounted over <c>/etc/resolv.conf</c>, <c>/etc/nsswitch.conf</c> and
/// <c>/etc/hosts</c>, and nscd's socket folder, if the machine has one, is hidden (a pod has no nscd, and glibc asks
/// nscd before reading resolv.conf). The network is the machine's own: the pod's DNS and Services are loopback addresses.
/// </summary>
internal static class MountNamespaceCommand
{
    /// <summary>
    /// Run by <c>sh -c</c> inside the namespace: <c>$0</c> is the folder of pod files, <c>"$@"</c> the command, so no
    /// argument is ever quoted into the script. glibc's resolver variables (LOCALDOMAIN replaces the search list,
    /// RES_OPTIONS the options, HOSTALIASES adds aliases) are dropped: a pod has none. A file the machine lacks is left
    /// alone (mounting over it would need to create it on the machine's disk); resolv.conf must exist.
    /// </summary>
    public const string Script =
        "unset LOCALDOMAIN RES_OPTIONS HOSTALIASES"
        + " && mount --bind \"$0/resolv.conf\" /etc/resolv.conf"
        + " && { [ ! -e /etc/nsswitch.conf ] || mount --bind \"$0/nsswitch.conf\" /etc/nsswitch.conf; }"
        + " && { [ ! -e /etc/hosts ] || mount --bind \"$0/hosts\" /etc/hosts; }"
        + " && { [ ! -d /var/run/nscd ] || mount -t tmpfs pod-without-nscd /var/run/nscd; }"
        + " && exec \"$@\"";

    /// <summary>The argv that runs <paramref name="command"/> (an argv itself) with the pod files in <paramref name="etcDirectory"/>.</summary>
    public static IReadOnlyList<string> Wrap(UnshareMode mode, string etcDirectory, IReadOnlyList<string> command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etcDirectory);
        if (command.Count == 0)
        {
            throw new ArgumentException("A command needs at least the program to run.", nameof(command));
        }

        List<string> unshare = mode == UnshareMode.UserNamespace
            ? ["unshare", "--map-root-user", "--mount", "--propagation", "private"]
            : ["unshare", "--mount", "--propagation", "private"];
        return [.. unshare, "--", "sh", "-c", Script, etcDirectory, .. command];
    }
}
