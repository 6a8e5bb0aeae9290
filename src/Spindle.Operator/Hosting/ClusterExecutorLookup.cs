using Spindle.Kubernetes;
using Spindle.Operator.Admission;
using Spindle.Operator.Api;
using Spindle.Operator.Controllers;

namespace Spindle.Operator.Hosting;

/// <summary>Executors read from the API server for the webhooks (not a cache: a webhook must see what was just created).</summary>
internal sealed class ClusterExecutorLookup(OperatorResources resources) : IExecutorLookup
{
    public async Task<SpinAppExecutor?> TryGetAsync(string group, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await resources.Executors(group).TryGetAsync(@namespace, name, cancellationToken);
        }
        catch (KubernetesApiException)
        {
            // As spin-operator: any failure to read it counts as "does not exist in namespace".
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListNamesAsync(string group, CancellationToken cancellationToken)
    {
        var list = await resources.Executors(group).ListAsync(null, cancellationToken: cancellationToken);
        var names = new List<string>(list.Items.Count);
        foreach (var executor in list.Items) names.Add(executor.Metadata.Name ?? "");
        return names;
    }
}
