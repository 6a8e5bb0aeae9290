using System.Reflection;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Which compiled functions ask RyuJIT to inline them. Without a profile the JIT never inlines a recursive call,
/// so a small recursive function pays a full call (and its saved registers) per level; asked to, it inlines one
/// level, which halves the calls: recursive fib runs 2x faster (docs/rationale.md, "Inlining").
/// </summary>
internal static class InliningPolicy
{
    /// <summary>Larger bodies are left to the JIT's own heuristics: each inlined level copies the whole body.</summary>
    internal const int MaxBodyBytes = 128;

    /// <summary>Full optimization at the first call unless the engine tiers; inlining asked for small recursive functions.</summary>
    public static MethodImplAttributes ImplementationFlags(ModuleDefinition module, int functionIndex, EngineOptions options)
    {
        var flags = options.TieredCompilation ? MethodImplAttributes.IL : MethodImplAttributes.AggressiveOptimization;
        return IsSmallSelfRecursive(module, functionIndex) ? flags | MethodImplAttributes.AggressiveInlining : flags;
    }

    internal static bool IsSmallSelfRecursive(ModuleDefinition module, int functionIndex)
    {
        var body = module.Codes[functionIndex - module.ImportedFunctionCount];
        if (body.BodyLength > MaxBodyBytes)
        {
            return false;
        }

        var reader = new InstructionReader(module.Bytes, body.BodyOffset, body.BodyOffset + body.BodyLength);
        while (reader.Read(out var ins))
        {
            if (ins.Opcode == Opcode.Call && ins.Index == (uint)functionIndex)
            {
                return true;
            }
        }

        return false;
    }
}
