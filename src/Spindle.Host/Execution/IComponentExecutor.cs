namespace Spindle.Host.Execution;

/// <summary>Runs one request on a fresh instance of one component.</summary>
internal interface IComponentExecutor
{
    /// <summary>The component's answer. Throws <see cref="ComponentExecutionException"/> (or a Wasm trap) when it has none; the server answers 500.</summary>
    ComponentResponse Execute(ComponentRequest request, CancellationToken cancellationToken);
}
