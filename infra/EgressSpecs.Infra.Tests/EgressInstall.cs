using k8s.Models;

namespace EgressSpecs.Infra.Tests;

/// <summary>The objects of infra/egress.yml, loaded strictly.</summary>
internal static class EgressInstall
{
    public const string File = "egress.yml";

    public static V1Namespace Namespace => InfraFiles.Single<V1Namespace>(File);

    public static V1ConfigMap ConfigMap => InfraFiles.Single<V1ConfigMap>(File);

    public static V1Deployment Deployment => InfraFiles.Single<V1Deployment>(File);

    public static V1PodSpec Pod => Deployment.Spec.Template.Spec;

    public static V1Container Container => Assert.Single(Pod.Containers);

    public static V1Service Service => InfraFiles.Single<V1Service>(File);

    public static V1PodDisruptionBudget DisruptionBudget => InfraFiles.Single<V1PodDisruptionBudget>(File);
}
