using EgressSpecs.Gherkin.Running;

// In xunit's namespace on purpose: xunit prefixes a failure's message with the exception's type unless the type is
// in Xunit.Sdk (xunit/xunit, src/xunit.v3.common/Utility/ExceptionUtility.cs, GetMessage); this type only carries
// the original failure, whose type MessageOf names when it matters.
namespace Xunit.Sdk;

/// <summary>
/// A failed scenario as xunit reports it: the failure's message, and only the stack frames of the test project's
/// own code (see <see cref="StackTraceTrimmer"/>). The full trace stays in the living doc and junit.xml.
/// </summary>
internal sealed class ScenarioFailedException(string message, string? stackTrace) : XunitException(message)
{
    public override string? StackTrace => stackTrace;

    /// <summary>The exception xunit gets for a scenario that failed with <paramref name="failure"/>.</summary>
    public static ScenarioFailedException From(Exception failure) =>
        new(MessageOf(failure), StackTraceTrimmer.Trim(failure.StackTrace));

    /// <summary>
    /// An assertion's message stands alone; any other exception is named, because its type is part of what went wrong
    /// (a NullReferenceException in a driver is not a refused request).
    /// </summary>
    public static string MessageOf(Exception failure) =>
        failure is IAssertionException ? failure.Message : $"{failure.GetType().FullName}: {failure.Message}";
}
