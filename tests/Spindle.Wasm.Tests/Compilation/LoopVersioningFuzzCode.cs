using System.Globalization;
using System.Text;
using Spindle.Wasm.Tests.Binary;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>
/// A function body written twice at once: as binary instructions and as WAT text (one instruction per line), so a
/// failing generated case can be reported as a module that wat2wasm accepts.
/// </summary>
internal sealed class LoopVersioningFuzzCode
{
    private readonly List<byte> _bytes = [];
    private readonly StringBuilder _text = new();
    private int _indent = 2;

    public byte[] Bytes => [.. _bytes];

    public string Text => _text.ToString();

    /// <summary>Structured constructs open inside the function body (0 at the body's top level).</summary>
    public int Depth { get; private set; }

    public void Op(byte opcode, string mnemonic) => Emit([opcode], mnemonic);

    public void LocalGet(int local) => Emit([0x20, .. WasmBytes.Leb(local)], $"local.get {local}");

    public void LocalSet(int local) => Emit([0x21, .. WasmBytes.Leb(local)], $"local.set {local}");

    public void LocalTee(int local) => Emit([0x22, .. WasmBytes.Leb(local)], $"local.tee {local}");

    public void I32Const(int value) => Emit([0x41, .. WasmBytes.SignedLeb(value)], $"i32.const {value.ToString(CultureInfo.InvariantCulture)}");

    public void I64Const(long value) => Emit([0x42, .. WasmBytes.SignedLeb(value)], $"i64.const {value.ToString(CultureInfo.InvariantCulture)}");

    public void Memory(byte opcode, string mnemonic, uint offset) =>
        Emit([opcode, 0, .. WasmBytes.Leb(offset)], offset == 0 ? $"{mnemonic} align=1" : $"{mnemonic} offset={offset.ToString(CultureInfo.InvariantCulture)} align=1");

    public void MemoryGrow() => Emit([0x40, 0], "memory.grow");

    public void Block(bool i32Result = false) => Open(0x02, "block", i32Result);

    public void Loop(bool i32Result = false) => Open(0x03, "loop", i32Result);

    public void If(bool i32Result = false) => Open(0x04, "if", i32Result);

    public void Else()
    {
        _indent--;
        Emit([0x05], "else");
        _indent++;
    }

    public void End()
    {
        _indent--;
        Depth--;
        Emit([0x0B], "end");
    }

    /// <summary>The body's closing end (the func's closing parenthesis in the text).</summary>
    public void FunctionEnd() => _bytes.Add(0x0B);

    public void Br(int depth) => Emit([0x0C, .. WasmBytes.Leb(depth)], $"br {depth}");

    public void BrIf(int depth) => Emit([0x0D, .. WasmBytes.Leb(depth)], $"br_if {depth}");

    public void BrTable(int[] targets, int fallback)
    {
        var bytes = new List<byte> { 0x0E };
        bytes.AddRange(WasmBytes.Leb(targets.Length));
        foreach (var target in targets)
        {
            bytes.AddRange(WasmBytes.Leb(target));
        }

        bytes.AddRange(WasmBytes.Leb(fallback));
        Emit([.. bytes], $"br_table {string.Join(' ', targets)} {fallback}");
    }

    public void Return() => Emit([0x0F], "return");

    /// <summary>A block, loop or if typed by a type index (parameters and results).</summary>
    public void Open(byte opcode, string mnemonic, int typeIndex)
    {
        Emit([opcode, .. WasmBytes.SignedLeb(typeIndex)], $"{mnemonic} (type {typeIndex})");
        _indent++;
        Depth++;
    }

    private void Open(byte opcode, string mnemonic, bool i32Result)
    {
        Emit([opcode, i32Result ? (byte)0x7F : (byte)0x40], i32Result ? $"{mnemonic} (result i32)" : mnemonic);
        _indent++;
        Depth++;
    }

    private void Emit(byte[] bytes, string text)
    {
        _bytes.AddRange(bytes);
        _text.Append(' ', _indent * 2).Append(text).Append('\n');
    }
}
