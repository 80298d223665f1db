namespace EgressSpecs.Contracts.Tests;

public sealed class ContractGherkinTests
{
    private static readonly HashSet<string> NoObservableHosts = [];

    [Fact]
    public void Write_ContractWithEverySection_OneRulePerSectionAndOneScenarioPerEntryInTheSpecsPhrases()
    {
        // Given
        var contract = ContractReader.Parse(
            """
            reachable:
              - host: api.github.com
                path: /zen
                status: 200
              - host: registry.npmjs.org
            refused:
              - host: example.org
                reason: not_allowed
              - host: example.net
            blockedDirect:
              - url: https://api.github.com/
            """,
            "/contracts/cluster.yaml");

        // When
        var text = ContractGherkin.Write(contract, NoObservableHosts);

        // Then
        Assert.Equal(
            """
            @contract
            Feature: Egress contract
              What this cluster's egress must allow and refuse, as the contract file lists it:
              /contracts/cluster.yaml
              Each entry is one scenario, named by the entry.

              Rule: Listed destinations answer through the egress path
                A meshed app calls the destination's egress name. The answer must come from the destination:
                not a refusal or failure of the egress proxy (a problem+json body with a reason) or of the mesh.

                Scenario: api.github.com/zen answers 200 through the egress path
                  Line 2 of the contract file.

                  When the meshed app requests "api.github.com/zen" through the egress path
                  Then the destination answers with status 200

                Scenario: registry.npmjs.org/ answers through the egress path
                  Line 5 of the contract file.

                  When the meshed app requests "registry.npmjs.org/" through the egress path
                  Then the answer comes from the destination

              Rule: Refused destinations get the egress proxy's refusal
                The proxy answers a 4xx (with the reason, when the entry names one) and opens no connection;
                that no connection left can be observed only for the suite's own third parties.

                Scenario: example.org is refused by the egress proxy (not_allowed)
                  Line 7 of the contract file.

                  When the meshed app requests "example.org/" through the egress path
                  Then the egress proxy refuses the call with the reason "not_allowed"

                Scenario: example.net is refused by the egress proxy
                  Line 9 of the contract file.

                  When the meshed app requests "example.net/" through the egress path
                  Then the egress proxy refuses the call

              Rule: Direct calls from an app namespace are blocked by the network
                An app that ignores the egress path and calls the URL itself is stopped by a NetworkPolicy:
                the connection is refused, reset or dropped, which only a cluster that enforces policies can do.

                @needs-network-policy
                Scenario: https://api.github.com/ is blocked for direct calls
                  Line 11 of the contract file.

                  When the meshed app calls "https://api.github.com/" directly
                  Then the network blocks the call

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Write_EntriesNamingTheSuitesOwnThirdParties_AlsoCheckWhatTheThirdPartySawAndNeedIt()
    {
        // Given
        var contract = ContractReader.Parse(
            """
            refused:
              - host: unlisted.example.test
                reason: not_allowed
            blockedDirect:
              - url: https://api.example.test/
            """,
            "/contracts/local.yaml");

        // When
        var text = ContractGherkin.Write(contract, new HashSet<string> { "unlisted.example.test", "api.example.test" });

        // Then
        Assert.Contains(
            """
                @needs-third-parties
                Scenario: unlisted.example.test is refused by the egress proxy (not_allowed)
                  Line 2 of the contract file.

                  When the meshed app requests "unlisted.example.test/" through the egress path
                  Then the egress proxy refuses the call with the reason "not_allowed"
                  And the third party "unlisted.example.test" saw no connection
            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            """
                @needs-network-policy @needs-third-parties
                Scenario: https://api.example.test/ is blocked for direct calls
                  Line 5 of the contract file.

                  When the meshed app calls "https://api.example.test/" directly
                  Then the network blocks the call
                  And the third party "api.example.test" receives no request
            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SectionLeftOut_HasNoRule()
    {
        // Given
        var contract = ContractReader.Parse("refused:\n  - host: example.org\n", "/c.yaml");

        // When
        var text = ContractGherkin.Write(contract, NoObservableHosts);

        // Then
        Assert.DoesNotContain("Listed destinations", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Direct calls", text, StringComparison.Ordinal);
        Assert.Contains("Rule: Refused destinations", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_Scenario_IsTheContractFeatureWithThatOneScenario() =>
        Assert.Equal(
            """
            @contract
            Feature: Egress contract
              A platform team's own list of what its cluster's egress must allow and refuse (docs/clusters.md).

              Scenario: No contract file was given

            """.ReplaceLineEndings("\n"),
            ContractGherkin.Placeholder(ContractGherkin.NoContractScenario));
}
