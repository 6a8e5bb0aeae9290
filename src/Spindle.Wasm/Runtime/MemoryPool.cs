using System.Collections.Concurrent;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Zeroed linear-memory buffers returned by disposed stores, reused by later instantiations (per engine). Zeroing
/// happens when a buffer is returned, so instantiation only copies the data segments. Allocating and zeroing a
/// fresh 64 KiB array costs several microseconds, most of an instantiation.
/// </summary>
internal sealed class MemoryPool
{
    /// <summary>Buffers larger than this are left to the GC.</summary>
    private const int MaxPooledLength = 16 << 20;

    /// <summary>Buffers kept per length.</summary>
    private const int MaxPerLength = 64;

    private readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> _buffers = new();

    /// <summary>A zeroed buffer of exactly <paramref name="length"/> bytes.</summary>
    public byte[] Rent(int length)
    {
        if (length == 0)
        {
            return [];
        }

        return _buffers.TryGetValue(length, out var bag) && bag.TryTake(out var buffer) ? buffer : new byte[length];
    }

    /// <summary>Takes back a buffer whose bytes beyond <paramref name="used"/> are still zero.</summary>
    public void Return(byte[] buffer, int used)
    {
        if (buffer.Length == 0 || buffer.Length > MaxPooledLength)
        {
            return;
        }

        var bag = _buffers.GetOrAdd(buffer.Length, static _ => []);
        if (bag.Count < MaxPerLength)
        {
            Array.Clear(buffer, 0, used);
            bag.Add(buffer);
        }
    }
}
