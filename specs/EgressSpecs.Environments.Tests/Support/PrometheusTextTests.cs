using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Parse_Samples_ReadsNamesEscapedLabelsAndSpecialValues()
    {
        // Given
        const string text = """
            # HELP response_total Total count of HTTP responses.
            # TYPE response_total counter
            response_total{direction="outbound",authority="api.example.test.egress.local",tls="true",note="a \"quoted\" \\ value"} 3
            process_start_time_seconds 1.7e9
            response_latency_ms_bucket{le="+Inf"} +Inf 1700000000000

            """;

        // When
        var samples = PrometheusText.Parse(text);

        // Then
        Assert.Equal(3, samples.Count);
        Assert.Equal("response_total", samples[0].Name);
        Assert.Equal("a \"quoted\" \\ value", samples[0].Labels["note"]);
        Assert.Equal(3, samples[0].Value);
        Assert.Empty(samples[1].Labels);
        Assert.Equal(1.7e9, samples[1].Value);
        Assert.Equal(double.PositiveInfinity, samples[2].Value);
    }

    [Fact]
    public void Parse_LineWithoutValue_IsAFormatError()
    {
        // Given
        const string text = "response_total{direction=\"outbound\"}\n";

        // When
        var failure = Assert.Throws<FormatException>(() => PrometheusText.Parse(text));

        // Then
        Assert.Contains("no numeric sample value", failure.Message);
    }

    [Fact]
    public void Merge_SameSeriesOfTwoReplicas_AreSummedAndCommentsKeptOnce()
    {
        // Given
        const string first = "# TYPE egress_requests_total counter\negress_requests_total{destination=\"api.example.test\",status=\"200\"} 2\negress_up 1\n";
        const string second = "# TYPE egress_requests_total counter\negress_requests_total{destination=\"api.example.test\",status=\"200\"} 3\n";

        // When
        var merged = PrometheusText.Merge([first, second]);

        // Then
        Assert.Single(merged.Split('\n'), line => line == "# TYPE egress_requests_total counter");
        var samples = PrometheusText.Parse(merged);
        Assert.Equal(5, samples.Single(sample => sample.Name == "egress_requests_total").Value);
        Assert.Equal(1, samples.Single(sample => sample.Name == "egress_up").Value);
    }

    [Fact]
    public void HasLabels_Subset_MatchesOnlyWhenEveryLabelAgrees()
    {
        // Given
        var sample = PrometheusText.Parse("request_total{direction=\"outbound\",tls=\"true\"} 1").Single();

        // When
        var matches = sample.HasLabels(new Dictionary<string, string> { ["tls"] = "true" });
        var differs = sample.HasLabels(new Dictionary<string, string> { ["tls"] = "false" });

        // Then
        Assert.True(matches);
        Assert.False(differs);
    }
}
