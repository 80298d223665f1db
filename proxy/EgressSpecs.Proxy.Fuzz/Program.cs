using EgressSpecs.Proxy.Fuzz;
using SharpFuzz;

// With file arguments (uninstrumented build): replay them, e.g. to reproduce a crash under a debugger.
if (args.Length > 0)
{
    var replay = new RoutingFuzzTarget(new RoutingInvariants(RoutingPolicy.Fuzzing));
    foreach (var path in args)
    {
        replay.Run(File.ReadAllBytes(path));
        Console.WriteLine($"ok {path}");
    }

    return;
}

// Under afl-fuzz: the instrumented proxy code may only run inside Fuzzer.Run, which maps the coverage memory first,
// so the router is built on the first input and reused for the rest (persistent mode).
RoutingFuzzTarget? target = null;
Fuzzer.Run(stream =>
{
    target ??= new RoutingFuzzTarget(new RoutingInvariants(RoutingPolicy.Fuzzing));
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
