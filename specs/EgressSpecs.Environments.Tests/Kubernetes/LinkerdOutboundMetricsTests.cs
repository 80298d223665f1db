using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class LinkerdOutboundMetricsTests
{
    private const string Metrics = """
        response_total{direction="outbound",authority="api.example.test.egress.local:80",target_addr="10.43.0.20:80",tls="true",server_id="egress-proxy.egress.serviceaccount.identity.linkerd.cluster.local",dst_namespace="egress",status_code="200",classification="success"} 2
        response_total{direction="outbound",authority="other.egress.local",tls="true",status_code="200",classification="success"} 1
        response_total{direction="outbound",authority="api.example.test.egress.local",tls="no_identity",no_tls_reason="not_provided_by_service_discovery",status_code="200",classification="success"} 4
        response_total{direction="inbound",authority="api.example.test.egress.local",tls="true",status_code="200",classification="success"} 8
        request_total{direction="outbound",authority="api.example.test.egress.local:80",tls="true"} 2
        """;

    [Fact]
    public void TlsResponsesTo_Authority_MatchesOutboundMeshedResponsesWithOrWithoutPort()
    {
        // Given
        const string authority = "api.example.test.egress.local";

        // When
        var samples = LinkerdOutboundMetrics.TlsResponsesTo(Metrics, authority);

        // Then
        var sample = Assert.Single(samples);
        Assert.Equal(2, sample.Value);
        Assert.Equal("egress", sample.Labels["dst_namespace"]);
    }

    [Fact]
    public void DescribeOutbound_ListsEveryOutboundRequestAndResponseLine()
    {
        // Given
        const string text = Metrics;

        // When
        var description = LinkerdOutboundMetrics.DescribeOutbound(text);

        // Then
        Assert.Equal(4, description.Split('\n').Length);
        Assert.DoesNotContain("inbound", description);
    }
}
