using EgressSpecs.Environments.Kubernetes;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class WorkloadStateTests
{
    [Fact]
    public void DeploymentRolloutStatus_RolledOutAndAvailable_IsDone()
    {
        // Given
        var deployment = Deployment(generation: 2, observed: 2, wanted: 2, replicas: 2, updated: 2, available: 2);

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Done, rollout.Outcome);
        Assert.Null(WorkloadState.DeploymentNotAvailable(deployment));
    }

    [Theory]
    [InlineData(3, 2, 2, 2, 2, "has not observed generation 3")]
    [InlineData(2, 2, 2, 1, 1, "1 out of 2 new replicas have been updated")]
    [InlineData(2, 2, 2, 2, 1, "1 of 2 updated replicas are available")]
    public void DeploymentRolloutStatus_Incomplete_WaitsSayingWhatIsMissing(long generation, long observed, int replicas, int updated, int available, string expected)
    {
        // Given
        var deployment = Deployment(generation, observed, wanted: 2, replicas, updated, available);

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Waiting, rollout.Outcome);
        Assert.Contains(expected, rollout.State);
        Assert.Contains("egress/egress-proxy", rollout.State);
        Assert.Equal(rollout.State, WorkloadState.DeploymentNotAvailable(deployment));
    }

    [Fact]
    public void DeploymentRolloutStatus_MidRolloutWithOldPodsLeft_Waits()
    {
        // Given: a restart (CoreDNS's) half done. Both new pods are up and, with the old one, three are available;
        // the old pod still serves the previous template, so kubectl rollout status is not done yet.
        var deployment = Deployment(generation: 5, observed: 5, wanted: 2, replicas: 3, updated: 2, available: 3);

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Waiting, rollout.Outcome);
        Assert.Contains("1 old replicas are pending termination", rollout.State);
    }

    [Fact]
    public void DeploymentRolloutStatus_ProgressDeadlineExceeded_FailsWithTheControllersMessage()
    {
        // Given
        var deployment = Deployment(generation: 2, observed: 2, wanted: 2, replicas: 2, updated: 2, available: 0);
        deployment.Status.Conditions =
        [
            new V1DeploymentCondition
            {
                Type = "Progressing",
                Status = "False",
                Reason = "ProgressDeadlineExceeded",
                Message = "ReplicaSet \"egress-proxy-7d9f\" has timed out progressing.",
            },
        ];

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Failed, rollout.Outcome);
        Assert.Contains("exceeded its progress deadline", rollout.State);
        Assert.Contains("has timed out progressing", rollout.State);
    }

    [Fact]
    public void DeploymentRolloutStatus_ProgressDeadlineOfAnOlderGeneration_IsNotYetJudged()
    {
        // Given: kubectl reads the condition only once the controller has observed the current generation.
        var deployment = Deployment(generation: 3, observed: 2, wanted: 2, replicas: 2, updated: 2, available: 0);
        deployment.Status.Conditions = [new V1DeploymentCondition { Type = "Progressing", Status = "False", Reason = "ProgressDeadlineExceeded" }];

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Waiting, rollout.Outcome);
    }

    [Fact]
    public void DeploymentRolloutStatus_NoStatusYet_Waits()
    {
        // Given
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "coredns", NamespaceProperty = "kube-system", Generation = 1 },
            Spec = new V1DeploymentSpec { Replicas = 1 },
        };

        // When
        var rollout = WorkloadState.DeploymentRolloutStatus(deployment);

        // Then
        Assert.Equal(RolloutOutcome.Waiting, rollout.Outcome);
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

    private static V1Deployment Deployment(long generation, long observed, int wanted, int replicas, int updated, int available) => new()
    {
        Metadata = new V1ObjectMeta { Name = "egress-proxy", NamespaceProperty = "egress", Generation = generation },
        Spec = new V1DeploymentSpec { Replicas = wanted },
        Status = new V1DeploymentStatus
        {
            ObservedGeneration = observed,
            Replicas = replicas,
            UpdatedReplicas = updated,
            AvailableReplicas = available,
            Conditions = [new V1DeploymentCondition { Type = "Available", Status = available >= wanted ? "True" : "False" }],
        },
    };
}
