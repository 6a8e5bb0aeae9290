using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Admission;
using Spindle.Operator.Api;

namespace Spindle.Operator.Tests.Admission;

/// <summary>Executors by (group, namespace, name), for webhook tests without a cluster.</summary>
internal sealed class FakeExecutors : IExecutorLookup
{
    private readonly List<(string Group, SpinAppExecutor Executor)> _executors = [];

    public FakeExecutors Add(string name, string @namespace = "default", bool createDeployment = true, string group = SpinKube.Group)
    {
        _executors.Add((group, new SpinAppExecutor
        {
            Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
            Spec = new SpinAppExecutorSpec { CreateDeployment = createDeployment },
        }));
        return this;
    }

    public Task<SpinAppExecutor?> TryGetAsync(string group, string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult<SpinAppExecutor?>(_executors.FirstOrDefault(e => e.Group == group && e.Executor.Metadata.Namespace == @namespace && e.Executor.Metadata.Name == name).Executor);

    public Task<IReadOnlyList<string>> ListNamesAsync(string group, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_executors.Where(e => e.Group == group).Select(e => e.Executor.Metadata.Name!).ToList());
}
