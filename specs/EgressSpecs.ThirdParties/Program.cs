using System.Runtime.InteropServices;
using System.Text.Json;
using EgressSpecs.ThirdParties;

// egress-specs-third-parties --config FILE: runs the third parties until SIGTERM or SIGINT, then exits 0.
// Prints one line when ready, which the harness waits for: "third parties ready: {json}".
if (args is not ["--config", var configFile])
{
    Console.Error.WriteLine("usage: EgressSpecs.ThirdParties --config FILE  (see ThirdPartiesOptions)");
    return 2;
}

ThirdPartiesOptions options;
try
{
    options = ThirdPartiesOptions.Load(configFile);
}
catch (InvalidDataException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}

var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.TrySetResult(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.TrySetResult(); });

await using var host = await ThirdPartiesHost.StartAsync(options, CancellationToken.None);
var ready = new ReadyLine(host.ObservationApi, host.Parties);
Console.WriteLine(ReadyLine.Prefix + JsonSerializer.Serialize(ready, ObservationApiJson.Options));
await stopping.Task;
return 0;
