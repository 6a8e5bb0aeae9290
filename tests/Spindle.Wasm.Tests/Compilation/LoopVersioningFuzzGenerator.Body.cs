namespace Spindle.Wasm.Tests.Compilation;

// The function and loop shapes: prologue, an optional outer loop, the loop's statements and its exit test.
internal sealed partial class LoopVersioningFuzzGenerator
{
    private enum Shape
    {
        /// <summary><c>... br_if 0 (cmp)</c> at the end.</summary>
        BrIfAtEnd,

        /// <summary>Exit test first (<c>br_if exit</c>), unconditional <c>br 0</c> at the end (the sieve shape).</summary>
        TestFirst,

        /// <summary><c>cmp if br 1 end</c> at the end: the back edge inside an if.</summary>
        BackEdgeInIf,

        /// <summary><c>local.tee i (i + step) br_if 0</c>: the value itself is the condition.</summary>
        TeeValue,

        /// <summary><c>cmp br_if exit; br 0</c> at the end.</summary>
        ExitThenBr,

        /// <summary><c>cmp if else br exit end</c> first, <c>br 0</c> at the end: the fact comes from an if.</summary>
        IfElseExit,
    }

    private void Function()
    {
        var c = _code;
        var outer = Chance(12);
        if (!outer || Chance(50))
        {
            Prologue();
        }

        if (outer)
        {
            c.I32Const(random.Next(1, 4));
            c.LocalSet(O);
            c.Loop();
            if (Chance(50))
            {
                Prologue();
            }

            if (Chance(50))
            {
                // An access in the outer body: the outer loop is versioned around the inner one.
                c.LocalGet(Acc);
                c.LocalGet(Base);
                c.Memory(0x28, "i32.load", MemOffset());
                c.Op(0x6A, "i32.add");
                c.LocalSet(Acc);
            }
        }

        // Sometimes a value waits below the loop on the operand stack.
        var below = Chance(15);
        if (below)
        {
            c.LocalGet(Misc);
        }

        // Sometimes the loop itself has a result (the fall-through value).
        var result = Chance(15);
        c.Block();
        c.Loop(result);
        _loopDepth = c.Depth;
        _nesting = 0;
        LoopBody();
        if (result)
        {
            c.LocalGet(Acc);
            c.LocalGet(C);
            c.Op(0x6A, "i32.add");
        }

        c.End();
        if (result)
        {
            c.LocalSet(Acc);
        }

        c.End();
        if (below)
        {
            c.LocalGet(Acc);
            c.Op(0x6A, "i32.add");
            c.LocalSet(Acc);
        }

        if (outer)
        {
            c.LocalGet(Base);
            c.I32Const(Pick([8, -8, 1, 4096]));
            c.Op(0x6A, "i32.add");
            c.LocalSet(Base);
            c.LocalGet(O);
            c.I32Const(-1);
            c.Op(0x6A, "i32.add");
            c.LocalTee(O);
            c.BrIf(0);
            c.End();
        }

        c.LocalGet(Acc);
        c.FunctionEnd();
    }

    private void Prologue()
    {
        foreach (var local in (int[])[I, J, K])
        {
            if (local == K && Chance(60))
            {
                continue;
            }

            switch (_descending && local == I && Chance(70) ? 2 : random.Next(6))
            {
                case 0: _code.I32Const(0); break;
                case 1: _code.LocalGet(Misc); break;
                case 2: _code.LocalGet(Bound); break;
                case 3: _code.I32Const(Pick(BoundConstants)); break;
                default: _code.I32Const(random.Next(-4, 20)); break;
            }

            _code.LocalSet(local);
        }

        _code.I32Const(0);
        _code.LocalSet(C);
    }

    private void LoopBody()
    {
        var shape = (Shape)random.Next(6);
        var statements = new List<Action>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            statements.Add(Access);
        }

        if (shape != Shape.TeeValue)
        {
            statements.Add(() => Update(I));
        }

        if (Chance(50))
        {
            statements.Add(() => Update(J));
        }

        if (Chance(15))
        {
            statements.Add(() => Update(K));
        }

        for (var n = random.Next(0, 3); n > 0; n--)
        {
            statements.Add(Extra);
        }

        // The hidden counter that guarantees termination: opaque to the analyzer, or (some variants) visible to it.
        var limit = Pick([1, 3, 50, 300, 2000, 2000, 5000, 70_000]);
        var counter = random.Next(10) switch { < 5 => 0, < 7 => _tame && Chance(70) ? 0 : 1, < 9 => 2, _ => 3 };
        if (counter == 3 && shape != Shape.BrIfAtEnd)
        {
            counter = 0;
        }

        Shuffle(statements);
        statements.Insert(random.Next(statements.Count + 1), () => Counter(counter, limit));
        _counterDone = false;

        if (shape == Shape.IfElseExit)
        {
            ExitCondition(negate: false);
            _code.If();
            if (Chance(50))
            {
                Access();
            }

            _code.Else();
            _code.Br(ExitLabel);
            _code.End();
        }

        if (shape == Shape.TestFirst)
        {
            ExitCondition(negate: true);
            _code.BrIf(ExitLabel);
        }

        foreach (var statement in statements)
        {
            statement();
        }

        switch (shape)
        {
            case Shape.BrIfAtEnd:
                ExitCondition(negate: false);
                if (counter == 3)
                {
                    _code.LocalGet(C);
                    _code.I32Const(limit);
                    _code.Op(0x49, "i32.lt_u");
                    _code.Op(0x71, "i32.and");
                }

                _code.BrIf(LoopLabel);
                break;
            case Shape.TestFirst or Shape.IfElseExit:
                _code.Br(LoopLabel);
                break;
            case Shape.BackEdgeInIf:
                ExitCondition(negate: false);
                _code.If();
                _code.Br(LoopLabel);
                _code.End();
                break;
            case Shape.TeeValue:
                _code.LocalGet(I);
                StepValue(I);
                _code.Op(0x6A, "i32.add");
                _code.LocalTee(I);
                if (Chance(30))
                {
                    _code.LocalGet(Bound);
                    _code.Op(0x6B, "i32.sub");
                }

                _code.BrIf(LoopLabel);
                break;
            case Shape.ExitThenBr:
                ExitCondition(negate: true);
                _code.BrIf(ExitLabel);
                _code.Br(LoopLabel);
                break;
        }
    }
}
