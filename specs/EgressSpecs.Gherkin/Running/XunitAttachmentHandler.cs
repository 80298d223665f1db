using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Lets bindings use Reqnroll's output API (<c>IReqnrollOutputHelper</c>): files they attach become attachments of
/// the running xunit test, and the base class still traces the attachment's path.
/// </summary>
internal sealed class XunitAttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        base.AddAttachment(filePath);
        if (File.Exists(filePath))
        {
            TestContext.Current.AddAttachment(Path.GetFileName(filePath), File.ReadAllBytes(filePath));
        }
    }
}
