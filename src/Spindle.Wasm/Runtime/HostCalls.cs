using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>Entry from compiled code into untyped host callbacks (AggressiveOptimization: see MemoryOps).</summary>
internal static class HostCalls
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static object?[] InvokeCallback(Function function, object?[] args)
    {
        var results = function.HostCallback is Func<Caller, object?[], object?[]> withCaller
            ? withCaller(new Caller(function), args)
            : ((Func<object?[], object?[]>)function.HostCallback!)(args);
        if (results.Length != function.Type.Results.Count)
        {
            throw new InvalidOperationException($"host function {function.Name} of type {function.Type} returned {results.Length} results, expected {function.Type.Results.Count}");
        }

        return results;
    }
}
