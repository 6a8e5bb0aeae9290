using System.Collections.Concurrent;
using System.Security.Cryptography;
using Spindle.Wasm.Compilation;

namespace Spindle.Wasm;

/// <summary>
/// Compiles modules and holds what is shared by every store: options, the epoch counter and the compiled-module
/// cache (keyed by the SHA-256 of the module bytes, so loading the same bytes twice compiles once).
/// </summary>
public sealed class Engine
{
    private readonly ConcurrentDictionary<string, CompiledModule> _cache = new(StringComparer.Ordinal);
    private long _epoch;

    public Engine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        if (Options.MaxCallDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.MaxCallDepth, "EngineOptions.MaxCallDepth must be at least 1.");
        }
    }

    public EngineOptions Options { get; }

    internal Runtime.MemoryPool MemoryPool { get; } = new();

    /// <summary>The current epoch; guests compiled with epoch interruption trap once it reaches their store's deadline.</summary>
    public ulong Epoch => (ulong)Volatile.Read(ref _epoch);

    /// <summary>Advances the epoch (thread-safe; typically called from a timer).</summary>
    public void IncrementEpoch() => Interlocked.Increment(ref _epoch);

    internal CompiledModule GetOrCompile(ReadOnlySpan<byte> bytes)
    {
        var key = Convert.ToHexString(SHA256.HashData(bytes));
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var compiled = ModuleCompiler.Compile(this, bytes.ToArray());
        return _cache.GetOrAdd(key, compiled);
    }
}
