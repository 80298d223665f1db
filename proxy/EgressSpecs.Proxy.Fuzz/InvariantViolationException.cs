namespace EgressSpecs.Proxy.Fuzz;

/// <summary>The routing decision broke one of its promises; escaping the harness, it is a crash for AFL++.</summary>
internal sealed class InvariantViolationException(string message) : Exception(message);
