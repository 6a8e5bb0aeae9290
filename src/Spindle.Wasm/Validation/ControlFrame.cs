using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

/// <summary>One entry of the validator's control stack (spec appendix "Validation Algorithm").</summary>
internal struct ControlFrame
{
    /// <summary><c>block</c>, <c>loop</c>, <c>if</c>, <c>else</c>, or <c>block</c> for the function itself.</summary>
    public Opcode Kind;

    public ValType[] StartTypes;

    public ValType[] EndTypes;

    /// <summary>Operand stack height when the frame was entered.</summary>
    public int Height;

    /// <summary>Whether the rest of the frame is unreachable (the operand stack is polymorphic).</summary>
    public bool Unreachable;

    /// <summary>Types a branch to this frame's label carries: the start types for a loop, the end types otherwise.</summary>
    public readonly ValType[] LabelTypes => Kind == Opcode.Loop ? StartTypes : EndTypes;
}
