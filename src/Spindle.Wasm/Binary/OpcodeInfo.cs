namespace Spindle.Wasm.Binary;

/// <summary>Static facts about opcodes: mnemonics, fixed signatures, memory access widths.</summary>
internal static partial class OpcodeInfo
{
    private static readonly string?[] s_oneByte = new string?[256];
    private static readonly string?[] s_prefixed = new string?[PrefixedCount];
    private static readonly Signature?[] s_oneByteSignatures = new Signature?[256];
    private static readonly Signature?[] s_prefixedSignatures = new Signature?[PrefixedCount];

    /// <summary>Number of defined <c>0xFC</c> subopcodes (0 through 17).</summary>
    public const int PrefixedCount = 18;

#pragma warning disable CA1810 // the tables are filled by generated code; one explicit constructor is clearer
    static OpcodeInfo()
#pragma warning restore CA1810
    {
        Fill(s_oneByte, s_prefixed, s_oneByteSignatures, s_prefixedSignatures);
        s_oneByte[(int)Opcode.SelectTyped] = "select";
    }

    /// <summary>Whether a single-byte opcode exists in Wasm 2.0 (without SIMD).</summary>
    public static bool IsDefinedOneByte(byte code) => s_oneByte[code] is not null;

    /// <summary>Whether a <c>0xFC</c>-prefixed subopcode exists.</summary>
    public static bool IsDefinedPrefixed(uint sub) => sub < PrefixedCount;

    /// <summary>The text-format mnemonic, e.g. <c>i32.add</c>.</summary>
    public static string Mnemonic(Opcode opcode)
    {
        var code = (ushort)opcode;
        string? name = code < 0x100 ? s_oneByte[code] : (code & 0xFF00) == 0xFC00 && (code & 0xFF) < PrefixedCount ? s_prefixed[code & 0xFF] : null;
        return name ?? $"<opcode 0x{code:X}>";
    }

    /// <summary>
    /// The operand types popped (in push order: the first element is the deepest) and pushed by an operator whose
    /// signature depends only on the opcode: numeric operators, comparisons, conversions, loads and stores.
    /// The arrays are shared: callers must not modify them.
    /// </summary>
    public static bool TryGetSimpleSignature(Opcode opcode, out ValType[] pops, out ValType[] pushes)
    {
        var code = (ushort)opcode;
        Signature? signature = code < 0x100 ? s_oneByteSignatures[code]
            : (code & 0xFF00) == 0xFC00 && (code & 0xFF) < PrefixedCount ? s_prefixedSignatures[code & 0xFF] : null;
        if (signature is null)
        {
            pops = [];
            pushes = [];
            return false;
        }

        pops = signature.Pops;
        pushes = signature.Pushes;
        return true;
    }

    /// <summary>Whether the opcode is a load or store (takes a memarg).</summary>
    public static bool IsMemoryAccess(Opcode opcode) => opcode is >= Opcode.I32Load and <= Opcode.I64Store32;

    /// <summary>Whether the opcode is a store.</summary>
    public static bool IsStore(Opcode opcode) => opcode is >= Opcode.I32Store and <= Opcode.I64Store32;

    /// <summary>Width in bytes of the memory access of a load or store; 0 for other opcodes.</summary>
    public static int AccessSize(Opcode opcode) => opcode switch
    {
        Opcode.I32Load8S or Opcode.I32Load8U or Opcode.I64Load8S or Opcode.I64Load8U or Opcode.I32Store8 or Opcode.I64Store8 => 1,
        Opcode.I32Load16S or Opcode.I32Load16U or Opcode.I64Load16S or Opcode.I64Load16U or Opcode.I32Store16 or Opcode.I64Store16 => 2,
        Opcode.I32Load or Opcode.F32Load or Opcode.I64Load32S or Opcode.I64Load32U or Opcode.I32Store or Opcode.F32Store or Opcode.I64Store32 => 4,
        Opcode.I64Load or Opcode.F64Load or Opcode.I64Store or Opcode.F64Store => 8,
        _ => 0,
    };

    /// <summary>The natural alignment (log2 of <see cref="AccessSize"/>) of a load or store; -1 for other opcodes.</summary>
    public static int NaturalAlignment(Opcode opcode) => AccessSize(opcode) switch
    {
        1 => 0,
        2 => 1,
        4 => 2,
        8 => 3,
        _ => -1,
    };

    private sealed class Signature(ValType[] pops, ValType[] pushes)
    {
        public ValType[] Pops { get; } = pops;

        public ValType[] Pushes { get; } = pushes;
    }
}
