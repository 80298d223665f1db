using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

/// <summary>
/// Parsed from lines in the format linkerd2-proxy writes. The response_total lines follow captures published by
/// Linkerd users (2025-2026 format with dst_zone labels) with names changed to this install's; the route lines follow
/// the capture in linkerd/website PR #2069 (proxy main at f4e7b83, route_kind="default", route_name="http").
/// </summary>
public sealed class LinkerdOutboundMetricsTests
{
    private const string Metrics = """
        # HELP response_total Total count of HTTP responses.
        # TYPE response_total counter
        response_total{direction="outbound",authority="proxy.egress.svc.cluster.local:80",target_addr="10.42.0.15:8080",target_ip="10.42.0.15",target_port="8080",tls="true",server_id="default.egress.serviceaccount.identity.linkerd.cluster.local",dst_control_plane_ns="linkerd",dst_deployment="egress-proxy",dst_namespace="egress",dst_pod="egress-proxy-6d8f7c9b5-abcde",dst_pod_template_hash="6d8f7c9b5",dst_service="proxy",dst_serviceaccount="default",dst_zone="",dst_zone_locality="unknown",status_code="200",classification="success",grpc_status="",error=""} 2
        response_total{direction="outbound",authority="proxy.egress.svc.cluster.local:80",target_addr="10.42.0.16:8080",target_ip="10.42.0.16",target_port="8080",tls="no_identity",no_tls_reason="not_provided_by_service_discovery",dst_namespace="egress",dst_service="proxy",status_code="200",classification="success",grpc_status="",error=""} 4
        response_total{direction="outbound",authority="chromadb.etradie-system.svc.cluster.local:8000",target_addr="10.42.0.229:8000",target_ip="10.42.0.229",target_port="8000",tls="true",server_id="default.etradie-system.serviceaccount.identity.linkerd.cluster.local",dst_namespace="etradie-system",dst_service="chromadb",status_code="200",classification="success",grpc_status="",error=""} 30
        response_total{direction="inbound",target_addr="0.0.0.0:4191",target_ip="0.0.0.0",target_port="4191",tls="no_identity",no_tls_reason="no_tls_from_remote",srv_group="",srv_kind="default",srv_name="all-unauthenticated",srv_port="4191",route_group="",route_kind="default",route_name="default",authz_group="",authz_kind="default",authz_name="all-unauthenticated",status_code="503",classification="failure",grpc_status="",error=""} 1
        # HELP outbound_http_route_request_statuses Completed request-response streams.
        # TYPE outbound_http_route_request_statuses counter
        outbound_http_route_request_statuses_total{parent_group="core",parent_kind="Service",parent_namespace="egress",parent_name="proxy",parent_port="80",parent_section_name="",route_group="",route_kind="default",route_namespace="",route_name="http",hostname="api.example.test.egress.local",http_status="200",error=""} 2
        outbound_http_route_request_statuses_total{parent_group="core",parent_kind="Service",parent_namespace="egress",parent_name="proxy",parent_port="80",parent_section_name="",route_group="",route_kind="default",route_namespace="",route_name="http",hostname="",http_status="200",error=""} 5
        outbound_http_route_request_statuses_total{parent_group="core",parent_kind="Service",parent_namespace="simple-app",parent_name="simple-app-v1",parent_port="80",parent_section_name="",route_group="",route_kind="default",route_namespace="",route_name="http",hostname="api.example.test.egress.local",http_status="200",error=""} 9
        """;

    [Fact]
    public void MutualTlsResponsesFromProxy_CountsOnlyOutboundMtlsResponsesFromTheProxyService()
    {
        // When
        var samples = LinkerdOutboundMetrics.MutualTlsResponsesFromProxy(Metrics);

        // Then
        var sample = Assert.Single(samples);
        Assert.Equal(2, sample.Value);
        Assert.Equal("default.egress.serviceaccount.identity.linkerd.cluster.local", sample.Labels["server_id"]);
    }

    [Fact]
    public void MutualTlsResponsesFromProxy_AuthorityIsTheHostHeader_FindsNothing()
    {
        // Given: what the out-of-date linkerd.io page describes, and linkerd2-proxy does not write
        const string text = """
            response_total{direction="outbound",authority="api.example.test.egress.local",tls="true",status_code="200",classification="success"} 3
            """;

        // When / Then
        Assert.Empty(LinkerdOutboundMetrics.MutualTlsResponsesFromProxy(text));
    }

    [Fact]
    public void RouteRequestsFor_EgressName_MatchesTheProxyServicesRouteWithThatHostname()
    {
        // When
        var samples = LinkerdOutboundMetrics.RouteRequestsFor(Metrics, "api.example.test.egress.local");

        // Then
        var sample = Assert.Single(samples);
        Assert.Equal(2, sample.Value);
        Assert.Equal("200", sample.Labels["http_status"]);
    }

    [Fact]
    public void RouteRequestsFor_HostnameLabelsOff_FindsNothing()
    {
        // Given: the default, without the pod annotation: hostname=""
        var withoutHostnames = string.Join('\n', Metrics.Split('\n').Where(line => !line.Contains("hostname=\"api", StringComparison.Ordinal)));

        // When / Then
        Assert.Empty(LinkerdOutboundMetrics.RouteRequestsFor(withoutHostnames, "api.example.test.egress.local"));
    }

    [Fact]
    public void DescribeOutbound_ListsOutboundResponsesAndRoutes()
    {
        // When
        var description = LinkerdOutboundMetrics.DescribeOutbound(Metrics);

        // Then
        Assert.Equal(6, description.Split('\n').Length);
        Assert.DoesNotContain("inbound", description);
    }
}
