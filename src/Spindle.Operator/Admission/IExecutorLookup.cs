using Spindle.Operator.Api;

namespace Spindle.Operator.Admission;

/// <summary>What the webhooks need from the cluster: executors of one API group.</summary>
internal interface IExecutorLookup
{
    /// <summary>The executor, or null when it does not exist or cannot be read.</summary>
    Task<SpinAppExecutor?> TryGetAsync(string group, string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>The names of the group's executors in every namespace.</summary>
    Task<IReadOnlyList<string>> ListNamesAsync(string group, CancellationToken cancellationToken);
}
