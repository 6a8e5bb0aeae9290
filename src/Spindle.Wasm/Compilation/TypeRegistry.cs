using System.Collections.Concurrent;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Process-wide canonical ids for function types, so <c>call_indirect</c> checks a signature with one integer
/// compare, also across modules.
/// </summary>
internal static class TypeRegistry
{
    private static readonly ConcurrentDictionary<FuncType, int> s_ids = new();
    private static int s_next;

    public static int GetId(FuncType type) => s_ids.GetOrAdd(type, static _ => Interlocked.Increment(ref s_next));
}
