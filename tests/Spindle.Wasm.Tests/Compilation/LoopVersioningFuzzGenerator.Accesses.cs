namespace Spindle.Wasm.Tests.Compilation;

// Loads and stores: single, paired off a temporary, unrolled, around a bumped local, or across a block.
internal sealed partial class LoopVersioningFuzzGenerator
{
    private void Access()
    {
        var c = _code;
        if (Chance(20))
        {
            // Two accesses off one temporary address with different offsets and widths.
            Address();
            c.LocalSet(T);
            Load(() => c.LocalGet(T));
            Store(() => c.LocalGet(T));
        }
        else if (Chance(10))
        {
            // Unrolled: the same terms with constants 0, w, 2w, 3w (one access group).
            var width = Pick([1, 2, 4]);
            var (opcode, name) = width switch { 1 => ((byte)0x3A, "i32.store8"), 2 => ((byte)0x3B, "i32.store16"), _ => ((byte)0x36, "i32.store") };
            var offset = MemOffset();
            foreach (var k in (int[])[3, 0, 2, 1])
            {
                Address();
                if (k > 0)
                {
                    c.I32Const(k * width);
                    c.Op(0x6A, "i32.add");
                }

                c.LocalGet(Acc);
                c.Memory(opcode, name, offset);
            }
        }
        else if (Chance(8))
        {
            // A local bumped and restored around an access: unchanged on the back edge, not an induction variable.
            var bump = Pick([1, 4, 100, -4]);
            c.LocalGet(K);
            c.I32Const(bump);
            c.Op(0x6A, "i32.add");
            c.LocalSet(K);
            Load(() =>
            {
                c.LocalGet(Base);
                c.LocalGet(K);
                c.Op(0x6A, "i32.add");
            });
            if (Chance(85))
            {
                c.LocalGet(K);
                c.I32Const(bump);
                c.Op(0x6B, "i32.sub");
                c.LocalSet(K);
            }
        }
        else if (Chance(10))
        {
            // The address computed before a block (or a nested loop) that updates locals, used after it.
            c.LocalGet(Acc);
            Address();
            if (Chance(70))
            {
                c.Block();
                Nested();
                c.End();
            }
            else
            {
                InnerLoop(escapes: false);
            }

            var (opcode, name, _, _) = Pick(Loads[..8]);
            c.Memory(opcode, name, MemOffset());
            if (opcode is 0x29 or 0x2A or 0x2B)
            {
                c.Op(0x1A, "drop");
                c.I32Const(1);
            }

            c.Op(0x6A, "i32.add");
            c.LocalSet(Acc);
        }
        else if (Chance(55))
        {
            Load(Address);
        }
        else
        {
            Store(Address);
        }

        if (Chance(50))
        {
            // A tick at address 0: makes how far a trapping loop got visible in memory.
            c.I32Const(0);
            c.I32Const(0);
            c.Memory(0x28, "i32.load", 0);
            c.I32Const(1);
            c.Op(0x6A, "i32.add");
            c.Memory(0x36, "i32.store", 0);
        }
    }

    private void Load(Action address)
    {
        var c = _code;
        var (opcode, name, _, type) = Pick(Loads);
        c.LocalGet(Acc);
        address();
        c.Memory(opcode, name, MemOffset());
        switch (type)
        {
            case 'I': c.Op(0xA7, "i32.wrap_i64"); break;
            case 'f': c.Op(0xBC, "i32.reinterpret_f32"); break;
            case 'F': c.Op(0xBD, "i64.reinterpret_f64"); c.Op(0xA7, "i32.wrap_i64"); break;
        }

        if (Chance(70))
        {
            c.Op(0x6A, "i32.add");
        }
        else
        {
            c.Op(0x73, "i32.xor");
        }
        c.LocalSet(Acc);
    }

    private void Store(Action address)
    {
        var c = _code;
        var (opcode, name, _, type) = Pick(Stores);
        address();
        c.LocalGet(Chance(50) ? Acc : I);
        switch (type)
        {
            case 'I': c.Op(0xAD, "i64.extend_i32_u"); break;
            case 'f': c.Op(0xB2, "f32.convert_i32_s"); break;
            case 'F': c.Op(0xB7, "f64.convert_i32_s"); break;
        }

        c.Memory(opcode, name, MemOffset());
    }
}
