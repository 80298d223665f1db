using EgressSpecs.Gherkin;
using Reqnroll.Plugins;

// Starts and ends the Reqnroll test run around all scenarios, and makes Reqnroll report through xunit.
[assembly: AssemblyFixture(typeof(ReqnrollTestRun))]
[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]
