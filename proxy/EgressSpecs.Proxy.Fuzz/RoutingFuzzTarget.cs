using System.Text;

namespace EgressSpecs.Proxy.Fuzz;

/// <summary>
/// Turns the fuzzer's bytes into a Host header (the first line) and an optional upstream <c>Location</c> header
/// (the rest), read both as UTF-8 and as Latin-1 (what Kestrel hands over for bytes above 0x7F).
/// </summary>
internal sealed class RoutingFuzzTarget(RoutingInvariants invariants)
{
    public void Run(ReadOnlySpan<byte> input)
    {
        var newline = input.IndexOf((byte)'\n');
        var host = newline < 0 ? input : input[..newline];
        var location = newline < 0 ? null : Encoding.Latin1.GetString(input[(newline + 1)..]);

        invariants.Check(Encoding.UTF8.GetString(host), location);
        invariants.Check(Encoding.Latin1.GetString(host), location);
    }
}
