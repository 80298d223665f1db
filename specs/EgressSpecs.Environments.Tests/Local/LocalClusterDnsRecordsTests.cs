using System.Net;
using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class LocalClusterDnsRecordsTests
{
    [Fact]
    public void Records_EveryThirdPartyAndTheDownDestination_ResolveToTheirPlannedAddress()
    {
        // When
        var records = LocalClusterDns.Records(IPAddress.Parse("127.0.0.10"));

        // Then: a proxy that resolves names (not ours, which pins them) reaches the same places
        Assert.All(AddressPlan.ThirdParties, party => Assert.Equal(party.Address, records[party.Host + "."]));
        Assert.Equal(AddressPlan.DownAddress, records["down.example.test."]);
        Assert.Equal(IPAddress.Parse("127.0.0.10"), records[AddressPlan.ProxyServiceName]);
    }
}
