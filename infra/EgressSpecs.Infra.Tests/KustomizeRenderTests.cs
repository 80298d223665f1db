using System.ComponentModel;
using System.Diagnostics;
using k8s;
using k8s.Models;

namespace EgressSpecs.Infra.Tests;

public sealed class KustomizeRenderTests
{
    [Fact]
    public async Task KubectlKustomize_Infra_RendersEveryObjectOfTheListedFiles()
    {
        // Given
        var expected = InfraFiles.KustomizeResources.SelectMany(InfraFiles.LoadStrict).Select(Identity).Order().ToList();

        // When
        var rendered = await RenderAsync(InfraFiles.Directory);

        // Then
        var objects = KubernetesYaml.LoadAllFromString(rendered, typeMap: null, strict: true);
        Assert.Equal(expected, objects.Select(Identity).Order());
    }

    [Fact]
    public async Task KubectlKustomize_AppNamespace_RendersThePerNamespacePolicy()
    {
        // Given
        var directory = InfraFiles.PathOf("app-namespace");

        // When
        var rendered = await RenderAsync(directory);

        // Then
        var policy = Assert.Single(KubernetesYaml.LoadAllFromString(rendered, typeMap: null, strict: true));
        Assert.IsType<V1NetworkPolicy>(policy);
    }

    private static string Identity(object item)
    {
        var resource = (IKubernetesObject<V1ObjectMeta>)item;
        return $"{resource.Kind} {resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}";
    }

    private static async Task<string> RenderAsync(string directory)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            ArgumentList = { "kustomize", directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (Win32Exception exception)
        {
            // A fresh machine with only the .NET SDK still passes `dotnet test`; CI installs kubectl first (.ci/run), so
            // there this test runs.
            Assert.Skip(
                $"kubectl is not installed or not on PATH ({exception.Message}): install it to render infra/ with kustomize " +
                "(Debian: apt-get install kubernetes-client; .ci/run installs it)");
            throw;
        }

        using (process)
        {
            var cancellation = TestContext.Current.CancellationToken;
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {await error}");
            return await output;
        }
    }
}
