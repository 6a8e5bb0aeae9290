using System.Text;

namespace Spindle.Wasm.Tests.Binary;

/// <summary>Builds small binary modules by hand for table-driven decoder and validator tests.</summary>
internal static class WasmBytes
{
    public const byte I32 = 0x7F;
    public const byte I64 = 0x7E;
    public const byte F32 = 0x7D;
    public const byte F64 = 0x7C;
    public const byte FuncRef = 0x70;
    public const byte ExternRef = 0x6F;

    public static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    public static byte[] Module(params byte[][] sections) => Concat([Header, .. sections]);

    public static byte[] Section(byte id, params byte[][] content)
    {
        var payload = Concat(content);
        return Concat([id], Leb(payload.Length), payload);
    }

    public static byte[] Vec(params byte[][] items) => Concat([Leb(items.Length), .. items]);

    public static byte[] Leb(long value)
    {
        var bytes = new List<byte>();
        var v = (ulong)value;
        do
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            bytes.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
        return [.. bytes];
    }

    public static byte[] SignedLeb(long value)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                bytes.Add(b);
                return [.. bytes];
            }

            bytes.Add((byte)(b | 0x80));
        }
    }

    public static byte[] Name(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        return Concat(Leb(utf8.Length), utf8);
    }

    public static byte[] FuncType(byte[] parameters, byte[] results) =>
        Concat([0x60], Leb(parameters.Length), parameters, Leb(results.Length), results);

    /// <summary>A code-section entry: size, locals (pairs of count and type), instructions (must end with 0x0B).</summary>
    public static byte[] Body(byte[] code, params (int Count, byte Type)[] locals)
    {
        var localBytes = new List<byte>(Leb(locals.Length));
        foreach (var (count, type) in locals)
        {
            localBytes.AddRange(Leb(count));
            localBytes.Add(type);
        }

        var content = Concat([.. localBytes], code);
        return Concat(Leb(content.Length), content);
    }

    /// <summary>
    /// A module with one function of type <paramref name="parameters"/> -> <paramref name="results"/> whose instructions
    /// are <paramref name="code"/> (the final <c>end</c> is appended), plus an optional memory and funcref table.
    /// </summary>
    public static byte[] SingleFunction(
        byte[] code,
        byte[]? parameters = null,
        byte[]? results = null,
        (int Count, byte Type)[]? locals = null,
        bool memory = false,
        bool table = false,
        byte[][]? extraTypes = null)
    {
        var types = new List<byte[]> { FuncType(parameters ?? [], results ?? []) };
        types.AddRange(extraTypes ?? []);
        var sections = new List<byte[]>
        {
            Section(1, Vec([.. types])),
            Section(3, Vec([0x00])),
        };
        if (table)
        {
            sections.Add(Section(4, Vec([FuncRef, 0x00, 0x01])));
        }

        if (memory)
        {
            sections.Add(Section(5, Vec([0x00, 0x01])));
        }

        sections.Add(Section(10, Vec(Body([.. code, 0x0B], locals ?? []))));
        return Module([.. sections]);
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var result = new byte[length];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }

        return result;
    }

    /// <summary>Parses <c>"00 61 73"</c>-style hex for readable test tables.</summary>
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
