using System.Net;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// The k3s target's third parties: the repository's third-party program (the same one the local target runs as a
/// process), as a container built from this repository on the run's Docker network; each role on its own port, the
/// observation API read from the test machine through a random host port.
/// </summary>
internal sealed class ThirdPartiesContainer : IAsyncDisposable
{
    public const string Repository = "egress-specs/third-parties";
    public const string SettingsDirectory = "/etc/egress-specs-third-parties";

    private readonly IContainer _container;

    private ThirdPartiesContainer(IContainer container, ThirdPartyObservations observations)
    {
        _container = container;
        Observations = observations;
    }

    public ThirdPartyObservations Observations { get; }

    /// <summary>The container's address on the shared Docker network (what the cluster reaches).</summary>
    public string Address => _container.IpAddress;

    public string ContainerId => _container.Id;

    /// <summary>Each role of <see cref="K3sThirdParty.All"/> on its port, on every interface of the container.</summary>
    public static IReadOnlyList<ThirdPartyPlace> Places { get; } =
        [.. K3sThirdParty.All.Select(party => new ThirdPartyPlace(party.Role, party.Host, new IPEndPoint(IPAddress.Any, party.Port)))];

    public static async Task<ThirdPartiesContainer> StartAsync(
        string image, EphemeralCertificates certificates, INetwork network, bool cleanUp, CancellationToken cancellationToken)
    {
        var files = ThirdPartySettings.Files(Places, certificates, new IPEndPoint(IPAddress.Any, K3sThirdParty.ObservationPort), sharePort: false, SettingsDirectory);
        var builder = new ContainerBuilder(image)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithNetwork(network)
            .WithCommand("--config", $"{SettingsDirectory}/{ThirdPartySettings.SettingsFileName}")
            .WithPortBinding(K3sThirdParty.ObservationPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(K3sThirdParty.ObservationPort).ForPath("/healthz")))
            .WithCleanUp(cleanUp);
        foreach (var (name, content) in files)
        {
            builder = builder.WithResourceMapping(content, $"{SettingsDirectory}/{name}");
        }

        var container = builder.Build();
        await container.StartAsync(cancellationToken);
        var api = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(K3sThirdParty.ObservationPort)}/");
        return new ThirdPartiesContainer(container, new ThirdPartyObservations(api, Places.Select(place => (place.Role, place.Host))));
    }

    public async Task<string> LogsAsync(CancellationToken cancellationToken)
    {
        var (stdout, stderr) = await _container.GetLogsAsync(ct: cancellationToken);
        return stdout + stderr;
    }

    public async ValueTask DisposeAsync()
    {
        Observations.Dispose();
        await _container.DisposeAsync();
    }
}
