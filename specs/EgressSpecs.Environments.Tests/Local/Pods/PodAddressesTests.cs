using System.Net;
using EgressSpecs.Environments.Local.Pods;

namespace EgressSpecs.Environments.Tests.Local.Pods;

public sealed class PodAddressesTests
{
    [Theory]
    [InlineData(1, PodAddresses.MeshedIndex, "127.0.1.10:80", "127.0.1.53:53")]
    [InlineData(1, PodAddresses.ProxyDownIndex, "127.0.1.11:80", "127.0.1.54:53")]
    [InlineData(7, 2, "127.0.7.12:80", "127.0.7.55:53")]
    [InlineData(254, PodAddresses.MaxIndex, "127.0.254.52:80", "127.0.254.95:53")]
    public void For_BlockAndIndex_GivesTheServiceAndDnsAddresses(int block, int index, string service, string dns)
    {
        // When
        var addresses = PodAddresses.For(block, index);

        // Then
        Assert.Equal(IPEndPoint.Parse(service), addresses.Service);
        Assert.Equal(IPEndPoint.Parse(dns), addresses.Dns);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(255, 0)]
    [InlineData(1, -1)]
    [InlineData(1, PodAddresses.MaxIndex + 1)]
    public void For_OutsideTheBlocks_IsRefused(int block, int index)
    {
        // Then: block 0 holds 127.0.0.53 (systemd-resolved) and 127.0.0.11 (Docker's DNS); index 43 would reach the DNS addresses
        Assert.Throws<ArgumentOutOfRangeException>(() => PodAddresses.For(block, index));
    }
}
