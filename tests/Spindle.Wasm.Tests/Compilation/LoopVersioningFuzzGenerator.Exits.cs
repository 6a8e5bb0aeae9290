namespace Spindle.Wasm.Tests.Compilation;

// Exit tests: the hidden counter, the loop's continue/exit condition, and induction steps.
internal sealed partial class LoopVersioningFuzzGenerator
{
    private void Counter(int variant, int limit)
    {
        var c = _code;

        // Variant 3 only counts: its limit is tested by the loop's final br_if, which a br_table back edge would skip
        // (an infinite loop: seed 777 with 3,000 modules hung on one).
        _counterDone = variant != 3;
        c.LocalGet(C);
        c.I32Const(1);
        c.Op(0x6A, "i32.add");
        if (variant == 3)
        {
            c.LocalSet(C);
            return;
        }

        c.LocalTee(C);
        if (variant != 1)
        {
            c.I32Const(-1);
            c.Op(0x71, "i32.and");
        }

        c.I32Const(limit);
        c.Op(0x4F, "i32.ge_u");
        if (variant == 2)
        {
            c.If();
            c.LocalGet(Acc);
            c.Return();
            c.End();
        }
        else
        {
            c.BrIf(ExitLabel);
        }
    }

    /// <summary>Pushes the loop's continue condition (or, negated, its exit condition): mostly an IV against a bound.</summary>
    private void ExitCondition(bool negate)
    {
        var c = _code;
        if (Chance(12))
        {
            // A plain value: continue while it is non-zero.
            c.LocalGet(Pick([I, I, J, Acc]));
            if (Chance(40))
            {
                c.LocalGet(Bound);
                c.Op(0x6B, "i32.sub");
            }

            if (negate)
            {
                c.Op(0x45, "i32.eqz");
            }

            return;
        }

        var swap = Chance(30);
        void Left()
        {
            c.LocalGet(_tame && Chance(80) ? I : random.Next(12) switch { < 8 => I, 8 => J, 9 => C, 10 => Acc, _ => K });
            if (Chance(20))
            {
                c.I32Const(Pick([1, 4, -1, 8]));
                c.Op(0x6A, "i32.add");
            }
        }

        void Right()
        {
            if (_descending && Chance(80))
            {
                if (Chance(60))
                {
                    c.I32Const(Pick([0, 0, 1, -1, 3]));
                }
                else
                {
                    c.LocalGet(Misc);
                }

                return;
            }

            switch (_tame ? random.Next(8) : random.Next(10))
            {
                case < 5: c.LocalGet(Bound); break;
                case < 7: c.I32Const(BoundConstant()); break;
                case 7: c.LocalGet(Misc); break;
                case 8: c.LocalGet(J); break;
                default: c.LocalGet(Bound); c.I32Const(Pick([1, -1, 4])); c.Op(0x6A, "i32.add"); break;
            }
        }

        if (swap)
        {
            Right();
            Left();
        }
        else
        {
            Left();
            Right();
        }

        // Tame: a comparison that fits an increasing induction variable (i < n, i <= n, i != n, or swapped n > i).
        var index = !_tame || Chance(20) ? random.Next(Compares.Length)
            : _descending ? Pick<int>(swap ? [1, 2, 3, 6, 7] : [1, 4, 5, 8, 9])
            : Pick<int>(swap ? [1, 4, 5, 8, 9] : [1, 2, 3, 6, 7]);
        if (negate && Chance(80))
        {
            // The exit test: the opposite comparison.
            index = index switch { 0 => 1, 1 => 0, 2 => 8, 3 => 9, 4 => 6, 5 => 7, 6 => 4, 7 => 5, 8 => 2, _ => 3 };
            c.Op(Compares[index].Opcode, Compares[index].Name);
            return;
        }

        c.Op(Compares[index].Opcode, Compares[index].Name);
        if (negate)
        {
            c.Op(0x45, "i32.eqz");
        }
    }

    /// <summary>Pushes a step for <paramref name="local"/>: constants, the step parameter, or (near-misses) changing locals.</summary>
    private void StepValue(int local)
    {
        switch (_tame ? random.Next(15) : random.Next(20))
        {
            case < 11: _code.I32Const(StepConstant()); break;
            case < 15: _code.LocalGet(Step); break;
            case 15: _code.LocalGet(Step); _code.I32Const(2); _code.Op(0x74, "i32.shl"); break;
            case 16: _code.LocalGet(local == I ? J : I); break;
            case 17: _code.LocalGet(Acc); _code.I32Const(3); _code.Op(0x71, "i32.and"); break;
            case 18: _code.LocalGet(Misc); _code.LocalGet(Step); _code.Op(0x6A, "i32.add"); break;
            default: _code.I32Const(random.Next(1, 9)); break;
        }
    }

    private void Shuffle(List<Action> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
