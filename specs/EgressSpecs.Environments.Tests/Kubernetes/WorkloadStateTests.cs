using EgressSpecs.Environments.Kubernetes;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class WorkloadStateTests
{
    [Fact]
    public void DeploymentNotAvailable_RolledOutAndAvailable_IsNull()
    {
        // Given
        var deployment = Deployment(generation: 2, observed: 2, replicas: 2, updated: 2, available: 2, availableCondition: "True");

        // When
        var problem = WorkloadState.DeploymentNotAvailable(deployment);

        // Then
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(3, 2, 2, 2, "True", "has not seen the current generation")]
    [InlineData(2, 2, 1, 2, "True", "1 updated")]
    [InlineData(2, 2, 2, 1, "True", "1/2 replicas available")]
    [InlineData(2, 2, 2, 2, "False", "Available is not True")]
    public void DeploymentNotAvailable_Incomplete_SaysWhatIsMissing(long generation, long observed, int updated, int available, string condition, string expected)
    {
        // Given
        var deployment = Deployment(generation, observed, replicas: 2, updated, available, condition);

        // When
        var problem = WorkloadState.DeploymentNotAvailable(deployment);

        // Then
        Assert.Contains(expected, problem);
        Assert.Contains("egress/egress-proxy", problem);
    }

    [Fact]
    public void HasLinkerdProxy_NativeSidecarInitContainer_CountsAsMeshed()
    {
        // Given
        var pod = new V1Pod
        {
            Spec = new V1PodSpec
            {
                InitContainers = [new V1Container { Name = "linkerd-init" }, new V1Container { Name = "linkerd-proxy", RestartPolicy = "Always" }],
                Containers = [new V1Container { Name = "app" }],
            },
        };

        // When
        var meshed = WorkloadState.HasLinkerdProxy(pod);

        // Then
        Assert.True(meshed);
        Assert.False(WorkloadState.HasLinkerdProxy(new V1Pod { Spec = new V1PodSpec { Containers = [new V1Container { Name = "app" }] } }));
    }

    [Fact]
    public void JobOutcome_Conditions_AreSucceededFailedOrRunning()
    {
        // Given
        var succeeded = new V1Job { Status = new V1JobStatus { Succeeded = 1 } };
        var failed = new V1Job { Status = new V1JobStatus { Failed = 4, Conditions = [new V1JobCondition { Type = "Failed", Status = "True" }] } };
        var running = new V1Job { Status = new V1JobStatus { Active = 1, Failed = 1 } };

        // When
        var outcomes = new[] { succeeded, failed, running }.Select(WorkloadState.JobOutcome).ToList();

        // Then
        Assert.Equal([true, false, null], outcomes);
    }

    [Fact]
    public void PodNotReady_WaitingContainer_NamesTheReason()
    {
        // Given
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "meshed-app", NamespaceProperty = "apps" },
            Status = new V1PodStatus
            {
                Phase = "Pending",
                ContainerStatuses = [new V1ContainerStatus { Name = "app", State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ErrImageNeverPull" } } }],
            },
        };

        // When
        var problem = WorkloadState.PodNotReady(pod);

        // Then
        Assert.Equal("pod apps/meshed-app is Pending (ErrImageNeverPull)", problem);
    }

    private static V1Deployment Deployment(long generation, long observed, int replicas, int updated, int available, string availableCondition) => new()
    {
        Metadata = new V1ObjectMeta { Name = "egress-proxy", NamespaceProperty = "egress", Generation = generation },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus
        {
            ObservedGeneration = observed,
            UpdatedReplicas = updated,
            AvailableReplicas = available,
            Conditions = [new V1DeploymentCondition { Type = "Available", Status = availableCondition }],
        },
    };
}
