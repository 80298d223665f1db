using EgressSpecs.Gherkin;

// The order the reports (living doc, summary.md, junit.xml) present the features: the order the egress pattern
// reads. First what the path does (an app's call forwarded, TLS originated, the policy applied, the DNS rule that
// sends it there, failing safe, being observable), then what it withstands (hostile input, faults, shutdown), then
// the platform team's own contract (generated from EGRESS_SPECS_CONTRACT).
// A feature folder not listed here comes after these, by path.
[assembly: FeatureOrder(
    "Features/Forwarding",
    "Features/Tls",
    "Features/Policy",
    "Features/Dns",
    "Features/SafeFailure",
    "Features/Observability",
    "Features/HostileInput",
    "Features/Faults",
    "Features/Shutdown",
    "Contract")]
