using System.Net;
using EgressSpecs.Environments.Apps;

namespace EgressSpecs.Environments.Tests.Apps;

public sealed class ResolvConfTests
{
    [Fact]
    public void ForPod_ClusterFirst_IsWhatKubeletWrites()
    {
        // When
        var text = ResolvConf.ForPod(IPAddress.Parse("127.0.1.53"), "egress-specs-apps-local").ToText();

        // Then
        Assert.Equal(
            "search egress-specs-apps-local.svc.cluster.local svc.cluster.local cluster.local\n"
            + "nameserver 127.0.1.53\n"
            + "options ndots:5\n",
            text);
    }

    [Fact]
    public void Parse_WrittenFile_ReadsBackTheSame()
    {
        // Given
        var written = ResolvConf.ForPod(IPAddress.Parse("10.43.0.10"), "ns");

        // When
        var read = ResolvConf.Parse(written.ToText());

        // Then
        Assert.Equal(written.Nameservers, read.Nameservers);
        Assert.Equal(written.Search, read.Search);
        Assert.Equal(written.Options, read.Options);
    }

    [Fact]
    public void Parse_CommentsTabsAndALaterDomainLine_FollowsGlibc()
    {
        // Given: the last of search and domain wins; # and ; start comments
        var text = "# generated\nsearch a.svc.cluster.local svc.cluster.local\t cluster.local ; old\nnameserver 10.0.0.10 # dns\r\ndomain corp.example\noptions ndots:5 timeout:1\n";

        // When
        var read = ResolvConf.Parse(text);

        // Then
        Assert.Equal([IPAddress.Parse("10.0.0.10")], read.Nameservers);
        Assert.Equal(["corp.example"], read.Search);
        Assert.Equal(["ndots:5", "timeout:1"], read.Options);
    }

    [Fact]
    public void Parse_NameserverThatIsNoAddress_IsAFormatError()
    {
        // When
        var failure = Assert.Throws<FormatException>(() => ResolvConf.Parse("nameserver kube-dns\n"));

        // Then
        Assert.Contains("kube-dns", failure.Message);
    }
}
