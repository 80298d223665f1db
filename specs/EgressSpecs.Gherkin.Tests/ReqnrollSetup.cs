using EgressSpecs.Gherkin;
using Reqnroll.Plugins;
using Xunit;

// Starts and ends the Reqnroll test run around all scenarios, and makes Reqnroll report through xunit.
[assembly: AssemblyFixture(typeof(ReqnrollTestRun))]
[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]

// Not alphabetical on purpose: the reports must follow this order, not the paths'.
[assembly: FeatureOrder("Features/Outcomes.feature", "Features/Basics.feature")]
