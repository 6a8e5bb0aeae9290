using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>Creates and throws traps; captures the Wasm frames of the current stack for the trap's stack trace.</summary>
internal static class Trap
{
    /// <summary>Namespace of the types the compiler emits; frames of their methods are Wasm frames.</summary>
    public const string CompiledNamespace = "Spindle.Wasm.Compiled";

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(TrapKind kind) => throw Create(kind);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(TrapKind kind, string message) => throw Create(kind, message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException Create(TrapKind kind) => Create(kind, TrapException.MessageFor(kind));

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException Create(TrapKind kind, string message) => new(kind, message, CaptureWasmStack());

    // Called by compiled code (helpers are static methods with simple signatures, easy to emit calls to).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Unreachable() => Create(TrapKind.Unreachable);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception MemoryOutOfBounds() => Create(TrapKind.MemoryOutOfBounds);

    public static IReadOnlyList<string> CaptureWasmStack() => WasmFrames(new StackTrace(2, false));

    /// <summary>The Wasm function names in a stack trace (e.g. of a host exception that unwound through guest code).</summary>
    public static IReadOnlyList<string> WasmFrames(StackTrace trace)
    {
        List<string>? names = null;
        for (var i = 0; i < trace.FrameCount; i++)
        {
            var method = trace.GetFrame(i)?.GetMethod();
            // Private methods of compiled types are outlined regions of the function that called them, the next frame.
            if (method?.DeclaringType?.Namespace == CompiledNamespace && method.IsPublic)
            {
                (names ??= []).Add(method.Name);
            }
        }

        return names is null ? [] : names;
    }
}
