using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Upstream;
using Yarp.ReverseProxy.Forwarder;

// YARP's direct forwarder with the egress proxy's upstream client settings and none of its policy (no allowlist, no
// address guard, no header screening, no metrics, no problem responses): every request goes to the one destination
// the proxy's settings name first. What the proxy costs beyond this is the price of its promises; what this costs
// is the floor Kestrel, YARP and SocketsHttpHandler set. It reads the proxy's own settings, so the bench kit starts
// it the same way: Kestrel__Endpoints__Proxy__Url, Kestrel__Endpoints__Admin__Url (/healthz),
// Egress__Destinations__0__Host/Port/Address, Egress__TrustedCaFile.
// Two settings of its own peel the stack further for scripts/bench-kit/floor.sh: Baseline__Serve=true answers as the
// bench kit's origin does (100 bytes at /, 16 KiB at /16k) with Kestrel alone, no forwarding; Baseline__Destination
// forwards to another address than https://{host}:{port} (the origin's plain-HTTP port: forwarding without TLS).
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddHttpForwarder();
var app = builder.Build();

var settings = app.Configuration;
var host = Required(settings, "Egress:Destinations:0:Host");
var port = int.Parse(Required(settings, "Egress:Destinations:0:Port"), System.Globalization.CultureInfo.InvariantCulture);
var address = IPAddress.Parse(Required(settings, "Egress:Destinations:0:Address"));
var adminPort = new Uri(Required(settings, "Kestrel:Endpoints:Admin:Url")).Port;
var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Required(settings, "Egress:TrustedCaFile")));

// The proxy's own upstream client settings and defaults; only where it connects and whom it trusts are set here.
var defaults = new EgressOptions();
var handler = UpstreamClient.NewHandler(defaults.ConnectTimeout);
handler.ConnectCallback = async (context, cancellationToken) =>
{
    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
    return new NetworkStream(socket, ownsSocket: true);
};
handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
{
    TrustMode = X509ChainTrustMode.CustomRootTrust,
    RevocationMode = X509RevocationMode.NoCheck,
};
handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(ca);

var invoker = new HttpMessageInvoker(handler);
var config = UpstreamClient.NewRequestConfig(defaults.ActivityTimeout);
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
var destination = settings["Baseline:Destination"] ?? $"https://{host}:{port}";
if (!Uri.TryCreate(destination, UriKind.Absolute, out var destinationUri) || destinationUri.Scheme is not ("http" or "https"))
{
    throw new InvalidOperationException($"Baseline:Destination '{destination}' is not an absolute http:// or https:// address.");
}

var serve = settings["Baseline:Serve"] is not { } serveSetting ? false
    : bool.TryParse(serveSetting, out var on) ? on
    : throw new InvalidOperationException($"Baseline:Serve '{serveSetting}' is neither true nor false.");
var small = Body(100);
var large = Body(16384);

app.Run(async context =>
{
    if (context.Connection.LocalPort == adminPort)
    {
        context.Response.StatusCode = context.Request.Path == "/healthz" ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
        return;
    }

    if (serve)
    {
        var isLarge = context.Request.Path == "/16k";
        var body = isLarge ? large : small;
        context.Response.ContentType = isLarge ? "application/octet-stream" : "text/plain";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
        return;
    }

    // YARP's default transform copies the request's headers and sends the destination's authority as Host; the
    // proxy's transform builds on it.
    await forwarder.SendAsync(context, destination, invoker, config, HttpTransformer.Default);
});
app.Run();

// As many bytes as the origin's answer, ending in a newline as its 100-byte one does.
static byte[] Body(int length) => [.. Enumerable.Repeat((byte)'x', length - 1), (byte)'\n'];

static string Required(IConfiguration settings, string key) =>
    settings[key] ?? throw new InvalidOperationException($"{key} is not set (the egress proxy's setting of the same name).");
