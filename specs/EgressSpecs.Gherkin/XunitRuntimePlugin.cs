using EgressSpecs.Gherkin.LivingDoc;
using EgressSpecs.Gherkin.Running;
using Reqnroll.Formatters;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace EgressSpecs.Gherkin;

/// <summary>
/// Makes the Reqnroll runtime report through xunit v3. Reqnroll only looks for runtime plugins in the
/// test assembly (and in <c>*.ReqnrollPlugin.dll</c> files), so the consuming project declares
/// <c>[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]</c>.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    private const string ProviderName = "egressspecs-xunit3";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            // Without a provider the runtime asks for "nunit" and fails.
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            // The living doc: Reqnroll's html formatter under the same name, with the adapter's header and labels.
            e.ObjectContainer.RegisterTypeAs<LivingDocFormatter, ICucumberMessageFormatter>(LivingDocFormatter.PluginName);
            // Before-test-run hooks receive it as a parameter to describe the run.
            e.ObjectContainer.RegisterInstanceAs(RunDescription.Current);
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            // IReqnrollOutputHelper needs an attachment handler; unit-test plugins provide it.
            e.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
