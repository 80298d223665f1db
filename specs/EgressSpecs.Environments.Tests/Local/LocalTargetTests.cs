using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Tests.Support;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class LocalTargetTests(LocalTargetFixture fixture) : IClassFixture<LocalTargetFixture>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    private IEgressTarget Target => fixture.Target;

    [Fact]
    public async Task MeshedApp_EgressName_ReachesTheProxyServiceWithTheNameAsHost()
    {
        // Given
        var request = AppRequest.Get($"http://api.example.test.egress.local/specs/{Guid.NewGuid():N}/x?y=1");

        // When
        var response = await Target.MeshedApp.SendAsync(request, _cancellationToken);

        // Then
        Assert.Null(response.Failure);
        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("host=api.example.test.egress.local ", response.BodyText);
    }

    [Fact]
    public async Task MeshedApp_GeneratedBody_ArrivesWholeAndStreamed()
    {
        // Given
        var body = RequestBody.Generated(2 * 1024 * 1024 + 5);
        var request = new AppRequest("PUT", new Uri("http://api.example.test.egress.local/upload")) { Body = body };

        // When
        var response = await Target.MeshedApp.SendAsync(request, _cancellationToken);

        // Then
        Assert.Equal(200, response.StatusCode);
        Assert.EndsWith($"length={body.Length} sha256={body.Sha256}", response.BodyText);
    }

    [Fact]
    public async Task MeshedApp_HeadersAndHostOverride_AreSentAsGiven()
    {
        // Given: a Host header that is not the URL's, as a scenario about a Host without the suffix sends
        var request = AppRequest.Get("http://api.example.test.egress.local/host") with
        {
            Headers = [new("Host", "api.example.test"), new("X-Spec", "1")],
        };

        // When
        var response = await Target.MeshedApp.SendAsync(request, _cancellationToken);

        // Then
        Assert.StartsWith("host=api.example.test ", response.BodyText);
    }

    [Fact]
    public async Task MeshedApp_NameTheClusterDnsDoesNotKnow_FailsWithNameNotResolved()
    {
        // When
        var response = await Target.MeshedApp.SendAsync(AppRequest.Get("http://nowhere.example.invalid/"), _cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.NameNotResolved, response.Failure?.Kind);
        Assert.Null(response.StatusCode);
        Assert.Contains("nowhere.example.invalid", response.Failure!.Message);
    }

    [Fact]
    public async Task MeshedApp_ServicePortOtherThan80_IsRefusedLikeAClusterIp()
    {
        // When
        var response = await Target.MeshedApp.SendAsync(AppRequest.Get("http://api.example.test.egress.local:8080/"), _cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.ConnectionRefused, response.Failure?.Kind);
    }

    [Fact]
    public async Task MeshedApp_NoAnswerInTime_FailsWithTimeout()
    {
        // Given
        var request = AppRequest.Get("http://api.example.test.egress.local/slow") with { Timeout = TimeSpan.FromMilliseconds(300) };

        // When
        var response = await Target.MeshedApp.SendAsync(request, _cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.Timeout, response.Failure?.Kind);
    }

    [Fact]
    public async Task MeshedAppWhenProxyIsDown_EgressName_ResolvesButTheConnectionIsRefused()
    {
        // When
        var response = await Target.MeshedAppWhenProxyIsDown.SendAsync(AppRequest.Get("http://api.example.test.egress.local/"), _cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.ConnectionRefused, response.Failure?.Kind);
    }

    [Fact]
    public async Task OutsideApp_EgressName_FailsWithNameNotResolved()
    {
        // When
        var response = await Target.OutsideApp.SendAsync(AppRequest.Get("http://api.example.test.egress.local/"), _cancellationToken);

        // Then
        Assert.Equal(AppFailureKind.NameNotResolved, response.Failure?.Kind);
    }

    [Fact]
    public async Task ClusterDns_EgressName_AnswersTheProxyServiceWithTheQuestionAsOwner()
    {
        // When
        var answer = await Target.ClusterDns.QueryAsync("api.example.test.egress.local.", "A", _cancellationToken);

        // Then
        Assert.Equal("NOERROR", answer.ResponseCode);
        var record = Assert.Single(answer.Records, record => record.Type == "A");
        Assert.Equal("api.example.test.egress.local.", record.OwnerName);
        Assert.Equal(fixture.Target.ProxyService.Address.ToString(), record.Data);
    }

    [Theory]
    [InlineData("api.example.test", "127.0.0.2")]
    [InlineData("unlisted.example.test", "127.0.0.7")]
    [InlineData("kubernetes.default.svc", "127.0.0.1")]
    [InlineData("intranet.corp.test", "127.0.0.1")]
    public async Task ClusterDns_PlanNames_ResolveToTheirAddress(string host, string address)
    {
        // When
        var lookup = await Target.ClusterDns.ResolveAsync(host, AddressFamily.InterNetwork, _cancellationToken);

        // Then
        Assert.Equal([IPAddress.Parse(address)], lookup.Addresses);
    }

    [Fact]
    public async Task ClusterDns_ProxyServiceName_ResolvesToTheServiceTheMeshedAppReaches()
    {
        // When
        var lookup = await Target.ClusterDns.ResolveAsync("proxy.egress.svc.cluster.local", AddressFamily.InterNetwork, _cancellationToken);

        // Then
        Assert.Equal([fixture.Target.ProxyService.Address], lookup.Addresses);
    }

    [Fact]
    public async Task ClusterDns_UnknownName_IsNxDomain()
    {
        // When
        var answer = await Target.ClusterDns.QueryAsync("nowhere.example.invalid.", "A", _cancellationToken);

        // Then
        Assert.Equal("NXDOMAIN", answer.ResponseCode);
        Assert.Empty(answer.Records);
    }

    [Fact]
    public async Task ClusterDns_AaaaForAKnownName_IsNoDataSoResolversThatAskBothStillSucceed()
    {
        // When
        var answer = await Target.ClusterDns.QueryAsync("api.example.test.", "AAAA", _cancellationToken);

        // Then
        Assert.Equal("NOERROR", answer.ResponseCode);
        Assert.Empty(answer.Records);
    }

    [Fact]
    public async Task EgressUrl_ApiThirdParty_IsReachedByTheMeshedAppAtTheProxy()
    {
        // Given
        var url = Target.ThirdParties[ThirdPartyRole.Api].EgressUrl("/specs/egress-url?x=1");

        // When
        var response = await Target.MeshedApp.SendAsync(new AppRequest("GET", url), _cancellationToken);

        // Then
        Assert.Equal(new Uri("http://api.example.test.egress.local/specs/egress-url?x=1"), url);
        Assert.StartsWith("host=api.example.test.egress.local ", response.BodyText);
    }

    [Fact]
    public async Task ProxyAdmin_ExternalAdminUrl_ReadsMetricsAndReadiness()
    {
        // When
        var metrics = await Target.ProxyAdmin.MetricsTextAsync(_cancellationToken);
        var readiness = await Target.ProxyAdmin.ReadinessStatusAsync(_cancellationToken);

        // Then
        Assert.Null(Target.Lacks(Capability.ProxyAdmin));
        Assert.Equal(FakeProxy.MetricsText, metrics);
        Assert.Equal(200, readiness);
    }

    [Fact]
    public void UnmeshedApp_LocalTarget_LacksItNamingTheClusterTargets()
    {
        // When
        var reason = Target.Lacks(Capability.UnmeshedPod);
        var failure = Assert.Throws<TargetLacksCapabilityException>(() => Target.UnmeshedApp);

        // Then
        Assert.Contains("EGRESS_SPECS_TARGET=k3s or cluster", reason);
        Assert.Equal(reason, failure.Reason);
        Assert.NotNull(Target.Lacks(Capability.Mesh));
        Assert.NotNull(Target.Lacks(Capability.NetworkPolicy));
    }

    [Fact]
    public async Task CaFile_GivenPath_HoldsTheCaThatIssuedTheTrustedThirdParties()
    {
        // Given
        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(fixture.CaFile, _cancellationToken));
        var api = new IPEndPoint(AddressPlan.For(ThirdPartyRole.Api).Address, fixture.Target.ThirdPartyPort);

        // When
        var presented = await TlsProbe.ServerCertificateAsync(api, "api.example.test", _cancellationToken);

        // Then
        Assert.Equal(fixture.CaFile, fixture.Target.CaFile);
        Assert.Null(CertificateCheck.Problem(presented, ca, "api.example.test"));
    }

    [Fact]
    public async Task DiagnosticsAsync_Started_DescribesTheWiring()
    {
        // When
        var text = await Target.DiagnosticsAsync(_cancellationToken);

        // Then
        Assert.Contains(fixture.Target.DnsEndPoint.ToString(), text);
        Assert.Contains($"port {fixture.Target.ThirdPartyPort}", text);
        Assert.Contains(fixture.CaFile, text);
    }
}
