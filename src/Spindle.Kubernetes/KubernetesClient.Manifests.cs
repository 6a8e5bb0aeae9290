using System.Text.Json;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes;

public sealed partial class KubernetesClient
{
    private static readonly TimeSpan CrdEstablishTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Server-side applies manifests in order (kubectl apply --server-side): each kind is found by discovery, namespaced
    /// objects without a namespace go to <see cref="DefaultNamespace"/>, and after a CustomResourceDefinition the call
    /// waits until it is Established so later documents may be its custom resources.
    /// </summary>
    public async Task<IReadOnlyList<UnstructuredObject>> ApplyManifestsAsync(
        IReadOnlyList<UnstructuredObject> objects, ApplyOptions options, CancellationToken cancellationToken = default)
    {
        var applied = new List<UnstructuredObject>(objects.Count);
        var appliedCrd = false;
        foreach (var obj in objects)
        {
            var resource = await DiscoverAfterCrdAsync(obj, appliedCrd, cancellationToken);
            if (resource.Namespaced && string.IsNullOrEmpty(obj.Metadata.Namespace)) obj.Metadata.Namespace = DefaultNamespace;
            if (!resource.Namespaced) obj.Metadata.Namespace = null;
            var client = Resource(resource, KubernetesJsonContext.Default.UnstructuredObject);
            var result = await client.ApplyAsync(obj, options, cancellationToken);
            if (resource == ApiResource.CustomResourceDefinitions && !options.DryRun)
            {
                using var timeout = new CancellationTokenSource(CrdEstablishTimeout, TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                try
                {
                    result = await client.WaitForAsync(null, result.Metadata.Name!, IsEstablished, linked.Token) ?? result;
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"CustomResourceDefinition '{result.Metadata.Name}' was applied but not Established within {CrdEstablishTimeout.TotalSeconds:0} s: check its status.conditions (NamesAccepted).");
                }
            }

            appliedCrd |= resource == ApiResource.CustomResourceDefinitions;
            applied.Add(result);
        }

        return applied;
    }

    // Discovery may lag a moment behind a CRD becoming Established: retry a 404 briefly when this batch added a CRD.
    private async Task<ApiResource> DiscoverAfterCrdAsync(UnstructuredObject obj, bool appliedCrd, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await DiscoverAsync(obj.ApiVersion, obj.Kind, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound && appliedCrd && attempt < 25)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider, cancellationToken);
            }
        }
    }

    private static bool IsEstablished(UnstructuredObject? crd)
    {
        if (crd?.Fields is null || !crd.Fields.TryGetValue("status", out var status) || status.ValueKind != JsonValueKind.Object) return false;
        if (!status.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array) return false;
        foreach (var condition in conditions.EnumerateArray())
        {
            if (condition.TryGetProperty("type", out var type) && type.ValueEquals("Established")
                && condition.TryGetProperty("status", out var value) && value.ValueEquals("True"))
                return true;
        }

        return false;
    }
}
