namespace Spindle.Wasm.Tests.Compilation;

// Stack-neutral statements inside the loop: induction updates (and near-misses), conditions, addresses.
internal sealed partial class LoopVersioningFuzzGenerator
{
    private void Update(int local)
    {
        var c = _code;
        switch (_descending ? 0 : _tame ? random.Next(12) : random.Next(20))
        {
            case < 10:
                Increment(local);
                break;
            case < 12:
                // The same step on both paths: still an induction variable.
                Condition();
                c.If();
                c.I32Const(Pick([1, 4, -1]));
                c.LocalGet(local);
                c.Op(0x6A, "i32.add");
                c.LocalSet(local);
                c.Else();
                c.LocalGet(local);
                c.I32Const(Pick([1, 4, -1]));
                c.Op(0x6A, "i32.add");
                c.LocalSet(local);
                c.End();
                break;
            case 12:
                // Different steps on different paths.
                Condition();
                c.If();
                Increment(local);
                c.Else();
                Increment(local);
                c.End();
                break;
            case 13:
                // Only on some paths.
                Condition();
                c.If();
                Increment(local);
                c.End();
                break;
            case 14:
                Increment(local);
                Increment(local);
                break;
            case 15:
                c.LocalGet(local);
                c.I32Const(1);
                c.Op(0x74, "i32.shl");
                c.LocalSet(local);
                break;
            case 16:
                // Skipped by a forward branch on some iterations.
                c.Block();
                Condition();
                c.BrIf(0);
                Increment(local);
                c.End();
                break;
            case 17:
                // Through a temporary, with a constant subtracted.
                c.LocalGet(local);
                c.I32Const(Pick([-1, -4, 1, 2]));
                c.Op(0x6B, "i32.sub");
                c.LocalTee(T);
                c.LocalSet(local);
                break;
            default:
                c.LocalGet(local);
                StepValue(local);
                c.Op(0x6B, "i32.sub");
                c.LocalSet(local);
                break;
        }
    }

    private void Increment(int local)
    {
        if (_descending && local == I)
        {
            _code.LocalGet(local);
            StepValue(local);
            _code.Op(0x6B, "i32.sub");
            _code.LocalSet(local);
            return;
        }

        if (Chance(20))
        {
            StepValue(local);
            _code.LocalGet(local);
        }
        else
        {
            _code.LocalGet(local);
            StepValue(local);
        }

        _code.Op(0x6A, "i32.add");
        _code.LocalSet(local);
    }

    /// <summary>Pushes an i32 the analyzer mostly cannot see through.</summary>
    private void Condition()
    {
        var c = _code;
        switch (random.Next(5))
        {
            case 0:
                c.LocalGet(I);
                c.I32Const(1);
                c.Op(0x71, "i32.and");
                break;
            case 1:
                c.LocalGet(Acc);
                c.I32Const(3);
                c.Op(0x71, "i32.and");
                break;
            case 2:
                c.LocalGet(Misc);
                break;
            case 3:
                c.LocalGet(I);
                c.LocalGet(Bound);
                c.Op(0x48, "i32.lt_s");
                break;
            default:
                c.LocalGet(C);
                c.I32Const(Pick([2, 3, 7]));
                c.Op(0x49, "i32.lt_u");
                break;
        }
    }

    /// <summary>Pushes an address: [base ±] iv·scale [± constant], sometimes through a temporary or masked.</summary>
    private void Address()
    {
        var c = _code;
        var useBase = Chance(70);
        if (useBase)
        {
            c.LocalGet(Base);
        }

        var iv = random.Next(10) switch { < 6 => I, 6 or 7 => J, 8 => C, _ => K };
        if (iv != C && Chance(5))
        {
            // The induction update inside the address (never the counter, which must keep counting): an extra update.
            c.LocalGet(iv);
            StepValue(iv);
            c.Op(0x6A, "i32.add");
            c.LocalTee(iv);
        }
        else if (Chance(15) && random.Next(2) == 0)
        {
            c.I32Const(Pick([1, 2, 4, 8, -1, -4]));
            c.LocalGet(iv);
            c.Op(0x6C, "i32.mul");
        }
        else
        {
            c.LocalGet(iv);
            switch (random.Next(10))
            {
                case < 4:
                    break;
                case < 7:
                    c.I32Const(_tame ? Pick([1, 2, 4, 8]) : Pick([1, 2, 4, 8, 3, -1, -4, 65536, 65537, 16]));
                    c.Op(0x6C, "i32.mul");
                    break;
                default:
                    c.I32Const(Pick([0, 1, 2, 3, 16, 17, 31, 33]));
                    c.Op(0x74, "i32.shl");
                    break;
            }
        }

        if (useBase)
        {
            if (_tame || Chance(80))
            {
                c.Op(0x6A, "i32.add");
            }
            else
            {
                c.Op(0x6B, "i32.sub");
            }
        }

        if (Chance(50))
        {
            c.I32Const(AddressConstant());
            if (Chance(75))
            {
                c.Op(0x6A, "i32.add");
            }
            else
            {
                c.Op(0x6B, "i32.sub");
            }
        }

        if (!_tame && Chance(6))
        {
            c.I32Const(0xFFFF);
            c.Op(0x71, "i32.and");
        }
    }
}
