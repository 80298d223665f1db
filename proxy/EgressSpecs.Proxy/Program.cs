using EgressSpecs.Proxy;
using EgressSpecs.Proxy.Lifecycle;

// The egress proxy: http://FOO.egress.local/... in, verified https://FOO/... out. Wiring lives in EgressProxyExtensions.
// Before anything opens a socket: the runtime reads this setting once.
InlineSocketCompletions.EnableUnlessConfigured();
var builder = WebApplication.CreateBuilder(args);
builder.AddEgressProxy();

var app = builder.Build();
app.MapEgressProxy();
app.Run();
