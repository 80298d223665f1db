using EgressSpecs.Gherkin.Running;
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
        // Without a provider the runtime asks for "nunit" and fails.
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            // IReqnrollOutputHelper needs an attachment handler; unit-test plugins provide it.
            e.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
