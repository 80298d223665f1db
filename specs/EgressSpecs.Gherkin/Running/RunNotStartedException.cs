// In xunit's namespace on purpose: xunit prefixes a failure's message with the exception's type unless the type is
// in Xunit.Sdk (xunit/xunit, src/xunit.v3.common/Utility/ExceptionUtility.cs, GetMessage), and here the type says
// nothing the message does not.
namespace Xunit.Sdk;

/// <summary>
/// A scenario that could not run because the test run did not start. It has no stack trace of its own: where it
/// was thrown says nothing, the message says everything (the failing hook's trace is in the living doc).
/// </summary>
internal sealed class RunNotStartedException(string message) : XunitException(message)
{
    public override string? StackTrace => null;
}
