namespace Spindle.Wasm.Tests.Compilation;

// Control-flow extras inside the loop: ifs, blocks, br_table, nested loops, exits in the middle, unreachable code.
internal sealed partial class LoopVersioningFuzzGenerator
{
    private void Extra()
    {
        var c = _code;
        if (_nesting > 2)
        {
            Access();
            return;
        }

        _nesting++;
        switch (random.Next(11))
        {
            case 0 or 1:
                Condition();
                c.If();
                Access();
                if (Chance(60))
                {
                    c.Else();
                    Nested();
                }

                c.End();
                break;
            case 2:
                c.Block();
                Condition();
                c.BrIf(0);
                Nested();
                c.End();
                break;
            case 3:
                BrTable();
                break;
            case 4 or 5:
                InnerLoop(escapes: Chance(15));
                break;
            case 6:
                Condition();
                if (Chance(50))
                {
                    c.BrIf(ExitLabel);
                }
                else
                {
                    c.If();
                    c.LocalGet(Acc);
                    c.Return();
                    c.End();
                }

                break;
            case 7:
                c.I32Const(Pick([0, 0, 1]));
                c.MemoryGrow();
                c.LocalGet(Acc);
                c.Op(0x6A, "i32.add");
                c.LocalSet(Acc);
                break;
            case 8 when unreachableCode:
                // Unreachable code after a branch, inside an if so the rest stays reachable.
                Condition();
                c.If();
                if (Chance(50))
                {
                    c.Br(ExitLabel);
                }
                else
                {
                    c.LocalGet(Acc);
                    c.Return();
                }

                Junk();
                c.End();
                break;
            case 8 or 9:
                c.LocalGet(I);
                c.LocalGet(J);
                Condition();
                c.Op(0x1B, "select");
                c.LocalSet(T);
                break;
            case 10 when Chance(50):
                // The address as a parameter of a block, an if (proven only in the then branch), or a nested loop.
                c.LocalGet(Acc);
                Address();
                var kind = random.Next(3);
                if (kind == 1)
                {
                    Condition();
                }

                c.Open(kind switch { 0 => (byte)0x02, 1 => (byte)0x04, _ => (byte)0x03 }, kind switch { 0 => "block", 1 => "if", _ => "loop" }, 1);
                if (Chance(50))
                {
                    Nested();
                }

                c.Memory(0x2D, "i32.load8_u", MemOffset());
                if (kind == 1)
                {
                    c.Else();
                    c.Memory(0x2F, "i32.load16_u", MemOffset());
                }

                c.End();
                c.Op(0x6A, "i32.add");
                c.LocalSet(Acc);
                break;
            default:
                // A block with a result and a branch carrying it.
                c.Block(i32Result: true);
                c.LocalGet(Acc);
                Condition();
                c.BrIf(0);
                c.Op(0x1A, "drop");
                c.LocalGet(I);
                c.End();
                c.LocalSet(Acc);
                break;
        }

        _nesting--;
    }

    private void Nested()
    {
        switch (random.Next(4))
        {
            case 0: Update(Pick([I, J])); break;
            case 1: Extra(); break;
            default: Access(); break;
        }
    }

    private void BrTable()
    {
        var c = _code;
        c.Block();
        c.Block();
        c.Block();
        c.LocalGet(Pick([I, C, Acc]));
        c.I32Const(3);
        c.Op(0x71, "i32.and");

        // Mostly the three blocks; sometimes the loop itself (only once the counter ran, to still terminate) or the exit.
        int Target() => random.Next(10) switch { 9 => Chance(50) && _counterDone ? LoopLabel : ExitLabel, var n => n % 3 };
        c.BrTable([Target(), Target(), Target()], Target());
        c.End();
        Access();
        c.Br(1);
        c.End();
        Nested();
        c.End();
    }

    /// <summary>A self-contained inner loop over t (or, escaping, one that branches out to the exit).</summary>
    private void InnerLoop(bool escapes)
    {
        var c = _code;
        c.I32Const(Pick([0, 0, 1, -1]));
        c.LocalSet(T);
        c.Loop();
        c.LocalGet(Acc);
        c.LocalGet(Base);
        c.LocalGet(Pick([I, I, J]));
        c.Op(0x6A, "i32.add");
        c.LocalGet(T);
        if (Chance(50))
        {
            c.I32Const(Pick([2, 4]));
            c.Op(0x6C, "i32.mul");
        }

        c.Op(0x6A, "i32.add");
        var (opcode, name, _, _) = Pick(Loads[4..8]);
        c.Memory(opcode, name, MemOffset());
        c.Op(0x6A, "i32.add");
        c.LocalSet(Acc);
        if (escapes)
        {
            Condition();
            c.BrIf(ExitLabel);
        }

        c.LocalGet(T);
        c.I32Const(1);
        c.Op(0x6A, "i32.add");
        c.LocalTee(T);
        c.I32Const(Pick([1, 2, 3, 5]));
        c.Op(0x49, "i32.lt_u");
        c.BrIf(0);
        c.End();
    }

    /// <summary>Valid only because the stack is polymorphic after a branch.</summary>
    private void Junk()
    {
        var c = _code;
        switch (random.Next(4))
        {
            case 0:
                c.Op(0x6A, "i32.add");
                c.Op(0x1A, "drop");
                break;
            case 1:
                c.LocalGet(I);
                c.Memory(0x28, "i32.load", 0);
                c.LocalSet(I);
                break;
            case 2:
                c.LocalGet(Acc);
                c.LocalGet(I);
                c.Op(0x6A, "i32.add");
                c.LocalSet(I);
                c.Br(0);
                break;
            default:
                // Pops below the if's operands and pushes another type: must not retype the slot below.
                c.Op(0x1A, "drop");
                c.I64Const(Pick([0L, 1L << 40, 65_536L]));
                c.Br(0);
                break;
        }
    }
}
