using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>Questions to the cluster DNS, and what a pod's resolver makes of the answers.</summary>
[Binding]
internal sealed class DnsSteps(DnsDriver dns)
{
    [Given("the cluster DNS answers {string} with {string}")]
    public Task GivenTheClusterDnsAnswers(string name, string address) => dns.AssertAnswerAsync(name, System.Net.IPAddress.Parse(address));

    [When("a pod asks the cluster DNS for {string}")]
    public Task WhenAPodAsksTheClusterDns(string name) => dns.AskAsync(name);

    [When("a pod asks the cluster DNS for the IPv6 address of {string}")]
    public Task WhenAPodAsksTheClusterDnsForIPv6(string name) => dns.AskAsync(name, "AAAA");

    [When("a pod asks the cluster DNS for {string} under each domain of its search list")]
    public Task WhenAPodAsksForEachSearchListExpansion(string name) => dns.AskSearchListExpansionsAsync(name);

    [When("an app resolves {string} through glibc's rules")]
    public Task WhenAnAppResolvesThroughGlibc(string host) => dns.ResolveAsync(host);

    [When("an app resolves {string} for IPv4 and IPv6 through glibc's rules")]
    public Task WhenAnAppResolvesBothFamiliesThroughGlibc(string host) => dns.ResolveAsync(host, System.Net.Sockets.AddressFamily.Unspecified);

    [Then("the answer holds the egress proxy's address")]
    public async Task ThenTheAnswerHoldsTheProxyAddress()
    {
        var answer = Answer();
        var proxy = await dns.ProxyAddressesAsync();
        var addresses = DnsDriver.AddressesIn(answer);
        Assert.True(addresses.Any(proxy.Contains),
            $"{answer.Question} answered {answer.ResponseCode} [{string.Join(", ", addresses)}]; the proxy is at {string.Join(", ", proxy)}.");
    }

    [Then("the answer does not hold the egress proxy's address")]
    public async Task ThenTheAnswerDoesNotHoldTheProxyAddress()
    {
        var answer = Answer();
        var proxy = await dns.ProxyAddressesAsync();
        var addresses = DnsDriver.AddressesIn(answer);
        Assert.False(addresses.Any(proxy.Contains), $"{answer.Question} was sent to the proxy: {answer.ResponseCode} [{string.Join(", ", addresses)}].");
    }

    [Then("every expansion is NXDOMAIN")]
    public void ThenEveryExpansionIsNxDomain()
    {
        var answers = dns.ExpansionAnswers;
        Assert.NotEmpty(answers);
        var existing = answers.Where(asked => asked.Answer.ResponseCode != "NXDOMAIN").ToList();
        Assert.True(existing.Count == 0,
            "A pod's resolver would stop at an expansion instead of the name itself: "
            + string.Join("; ", existing.Select(asked =>
                $"{asked.Answer.Question} {asked.Type}: {asked.Answer.ResponseCode} [{string.Join(", ", asked.Answer.Records.Select(record => $"{record.OwnerName} {record.Type} {record.Data}"))}]")));
    }

    [Then("the name exists, with no IPv6 address but the egress proxy's")]
    public async Task ThenTheNameExistsWithNoForeignIPv6Address()
    {
        var answer = Answer();
        Assert.True(answer.ResponseCode == "NOERROR",
            $"{answer.Question} AAAA answered {answer.ResponseCode}: a resolver that asks A and AAAA together may then drop the A answer too.");
        var proxy = await dns.ProxyIPv6AddressesAsync();
        var foreign = answer.Records
            .Where(record => record.Type == "AAAA"
                && (!proxy.Contains(System.Net.IPAddress.Parse(record.Data)) || !record.OwnerName.TrimEnd('.').Equals(answer.Question.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(foreign.Count == 0,
            $"{answer.Question} AAAA holds {string.Join(", ", foreign.Select(record => $"{record.OwnerName} {record.Data}"))}; the proxy's IPv6 addresses are [{string.Join(", ", proxy)}].");
    }

    [Then("every answer record is owned by {string}")]
    public void ThenEveryAnswerRecordIsOwnedBy(string owner)
    {
        var answer = Answer();
        Assert.NotEmpty(answer.Records);
        // DNS names compare without regard to case (RFC 4343), as glibc compares them.
        var others = answer.Records.Where(record => !record.OwnerName.Equals(owner, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(others.Count == 0,
            $"The answer to {answer.Question} has records owned by {string.Join(", ", others.Select(r => $"{r.OwnerName} ({r.Type} {r.Data})"))}: glibc drops them.");
    }

    [Then("it gets the egress proxy's address")]
    public async Task ThenItGetsTheProxyAddress()
    {
        var lookup = dns.LastLookup ?? throw new InvalidOperationException("No name was resolved.");
        var proxy = await dns.ProxyAddressesAsync();
        Assert.True(lookup.Addresses.Any(proxy.Contains),
            $"The app got [{string.Join(", ", lookup.Addresses)}]{(lookup.Failure is { } failure ? $" ({failure})" : "")}; the proxy is at {string.Join(", ", proxy)}.");
    }

    private Environments.DnsAnswer Answer() => dns.LastAnswer ?? throw new InvalidOperationException("No DNS question was asked.");
}
