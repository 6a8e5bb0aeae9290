using Spindle.Host.Execution;

namespace Spindle.Host.Tests.Server;

/// <summary>An executor whose behaviour the test chooses; records the requests it saw.</summary>
internal sealed class FakeExecutor(Func<ComponentRequest, ComponentResponse> handle) : IComponentExecutor
{
    public List<ComponentRequest> Requests { get; } = [];

    public ComponentResponse Execute(ComponentRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return handle(request);
    }
}
