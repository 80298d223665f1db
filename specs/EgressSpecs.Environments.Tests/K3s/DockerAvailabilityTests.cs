using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class DockerAvailabilityTests
{
    [Fact]
    public void Missing_NoEndpointAnswers_NamesTheMissingDockerEngine()
    {
        // Given
        static bool NoEndpoint() => false;

        // When
        var reason = DockerAvailability.Missing(NoEndpoint);

        // Then
        Assert.Equal(DockerAvailability.MissingReason, reason);
        Assert.Contains("Docker engine", reason);
    }

    [Fact]
    public void Missing_AnEndpointAnswers_IsNull()
    {
        // Given
        static bool Endpoint() => true;

        // When
        var reason = DockerAvailability.Missing(Endpoint);

        // Then
        Assert.Null(reason);
    }

    [Fact]
    public void Missing_TheProbeThrows_IsTheReasonWithTheCause()
    {
        // Given
        static bool Broken() => throw new InvalidOperationException("bad ~/.testcontainers.properties");

        // When
        var reason = DockerAvailability.Missing(Broken);

        // Then
        Assert.StartsWith(DockerAvailability.MissingReason, reason);
        Assert.Contains("bad ~/.testcontainers.properties", reason);
    }

    [Fact]
    public void Missing_OnAMachineWithoutDocker_ReportsTheDockerReason()
    {
        // Given
        Assert.SkipWhen(
            File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 },
            "this machine has a Docker socket or DOCKER_HOST: the no-Docker path is covered by the probe-injected tests");

        // When
        var reason = DockerAvailability.Missing();

        // Then
        Assert.Equal(DockerAvailability.MissingReason, reason);
    }
}
