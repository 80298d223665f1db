using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// The plain-HTTP API the harness reads observations from, the same on every target:
/// <c>GET /healthz</c>, <c>GET /parties</c>, <c>GET /parties/{role}/requests?prefix=/specs-x</c>,
/// <c>GET /parties/{role}/connections</c>.
/// </summary>
internal sealed class ObservationApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ObservationApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The JSON both the API and its client use.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");

    public static async Task<ObservationApi> StartAsync(IPEndPoint endpoint, IReadOnlyList<IObservedParty> parties, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint);
        });

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/parties", () => Results.Json(
            parties.Select(party => new ObservedPartyInfo(party.Role, party.Host, party.Port)), Json));
        app.MapGet("/parties/{role}/requests", (string role, string? prefix) =>
            Find(parties, role) is { } party ? Results.Json(party.Requests(prefix), Json) : UnknownRole(role, parties));
        app.MapGet("/parties/{role}/connections", (string role) =>
            Find(parties, role) is { } party ? Results.Json(party.Connections(), Json) : UnknownRole(role, parties));
        await app.StartAsync(cancellationToken);
        return new ObservationApi(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private static IObservedParty? Find(IReadOnlyList<IObservedParty> parties, string role) =>
        parties.FirstOrDefault(party => party.Role.ToString().Equals(role, StringComparison.OrdinalIgnoreCase));

    private static IResult UnknownRole(string role, IReadOnlyList<IObservedParty> parties) => Results.NotFound(
        $"No third party plays the role '{role}' here; running: {string.Join(", ", parties.Select(party => party.Role))}.");
}

/// <summary>One running third party, as <c>GET /parties</c> lists it.</summary>
public sealed record ObservedPartyInfo(ThirdPartyRole Role, string Host, int Port);
