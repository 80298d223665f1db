using EgressSpecs.Proxy;

// The egress proxy: http://FOO.egress.local/... in, verified https://FOO/... out. Wiring lives in EgressProxyExtensions.
var builder = WebApplication.CreateBuilder(args);
builder.AddEgressProxy();

var app = builder.Build();
app.MapEgressProxy();
app.Run();
