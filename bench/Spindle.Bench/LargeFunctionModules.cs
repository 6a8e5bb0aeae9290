namespace Spindle.Bench;

/// <summary>Generated modules with one very large function, for the large-function benchmarks.</summary>
internal static class LargeFunctionModules
{
    /// <summary>
    /// <c>(func (export "run") (param $iters i32) (param $j i32) (result i32) (local $x i32) (local $i i32))</c>: a loop
    /// running <paramref name="statements"/> copies of <c>x = x*31 + (i^j)</c> per iteration, then <c>i++</c>.
    /// </summary>
    public static byte[] StatementLoop(int statements)
    {
        var body = new List<byte> { 0x01, 0x02, 0x7F }; // two i32 locals: x = 2, i = 3
        body.AddRange([0x03, 0x40]); // loop
        for (var s = 0; s < statements; s++)
        {
            body.AddRange([0x20, 0x02, 0x41, 0x1F, 0x6C, 0x20, 0x03, 0x20, 0x01, 0x73, 0x6A, 0x21, 0x02]);
        }

        // i = i + 1; br_if 0 (i < iters)
        body.AddRange([0x20, 0x03, 0x41, 0x01, 0x6A, 0x22, 0x03, 0x20, 0x00, 0x48, 0x0D, 0x00, 0x0B]);
        body.AddRange([0x20, 0x02, 0x0B]);
        return Module([0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F], [.. body], memory: false);
    }

    /// <summary>
    /// An interpreter-style loop, as clang compiles a <c>switch</c>: <c>(func (export "run") (param $n i32) (result i64))</c>
    /// runs n steps of a <c>br_table</c> on pc into <paramref name="cases"/> nested blocks; case k updates an
    /// accumulator and a memory cell and sets <c>pc = (pc * 7 + k) % cases</c>.
    /// </summary>
    public static byte[] DispatchLoop(int cases)
    {
        var code = new List<byte> { 0x03, 0x01, 0x7F, 0x01, 0x7E, 0x01, 0x7F }; // pc = 1 (i32), acc = 2 (i64), i = 3 (i32)
        code.AddRange([0x02, 0x40, 0x03, 0x40]); // block $done, loop $top
        code.AddRange([0x20, 0x03, 0x41, 0x01, 0x6A, 0x22, 0x03, 0x20, 0x00, 0x4B, 0x0D, 0x01]); // br_if $done (++i > n)
        for (var k = 0; k < cases; k++)
        {
            code.AddRange([0x02, 0x40]);
        }

        code.AddRange([0x20, 0x01, 0x0E, .. Leb((uint)cases)]);
        for (var k = 0; k < cases; k++)
        {
            code.AddRange(Leb((uint)k));
        }

        code.AddRange(Leb((uint)(cases - 1)));
        for (var k = 0; k < cases; k++)
        {
            code.Add(0x0B);
            for (var r = 0; r < 3; r++)
            {
                code.AddRange([0x20, 0x02, 0x42, 0x1F, 0x7E, 0x42, .. SignedLeb(k), 0x7C, 0x21, 0x02]); // acc = acc * 31 + k
            }

            var address = SignedLeb(k * 8);
            code.AddRange([0x41, .. address, 0x41, .. address, 0x29, 0x03, 0x00, 0x20, 0x02, 0x7C, 0x37, 0x03, 0x00]); // mem[8k] += acc
            code.AddRange([0x20, 0x01, 0x41, 0x07, 0x6C, 0x41, .. SignedLeb(k), 0x6A, 0x41, .. SignedLeb(cases), 0x70, 0x21, 0x01]);
            code.AddRange([0x0C, .. Leb((uint)(cases - 1 - k))]); // br $top
        }

        code.AddRange([0x0B, 0x0B, 0x20, 0x02, 0x0B]);
        return Module([0x60, 0x01, 0x7F, 0x01, 0x7E], [.. code], memory: true);
    }

    private static byte[] Module(byte[] type, byte[] body, bool memory)
    {
        List<byte[]> sections = [[0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], Section(1, [0x01, .. type]), Section(3, [0x01, 0x00])];
        if (memory)
        {
            sections.Add(Section(5, [0x01, 0x00, 0x01]));
        }

        sections.Add(Section(7, [0x01, 0x03, (byte)'r', (byte)'u', (byte)'n', 0x00, 0x00]));
        sections.Add(Section(10, [0x01, .. Leb((uint)body.Length), .. body]));
        var result = new List<byte>();
        foreach (var section in sections)
        {
            result.AddRange(section);
        }

        return [.. result];
    }

    private static byte[] Section(byte id, byte[] content) => [id, .. Leb((uint)content.Length), .. content];

    private static byte[] Leb(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] SignedLeb(long value)
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
}
