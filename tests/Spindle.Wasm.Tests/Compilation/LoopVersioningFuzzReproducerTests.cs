using Spindle.Wasm.Tests.Binary;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>Minimized cases found by LoopVersioningFuzzTests, kept as fixed tests.</summary>
public class LoopVersioningFuzzReproducerTests
{
    /// <summary>
    /// A versioned loop's copies are compiled instruction by instruction without skipping unreachable code, so the
    /// polymorphic-stack <c>i32.add</c> after <c>br</c> pops an empty compile-time stack. Without versioning the module
    /// compiles (the main compile loop skips unreachable code). WAT:
    /// <code>
    /// (module (memory 1)
    ///   (func (export "f") (param i32) (result i32)
    ///     block
    ///       loop
    ///         local.get 0
    ///         i32.load
    ///         drop
    ///         local.get 0
    ///         if
    ///           br 2
    ///           i32.add
    ///           drop
    ///         end
    ///         local.get 0
    ///         i32.const 4
    ///         i32.add
    ///         local.tee 0
    ///         i32.const 100
    ///         i32.lt_u
    ///         br_if 0
    ///       end
    ///     end
    ///     i32.const 7))
    /// </code>
    /// </summary>
    [Fact]
    public void UnreachableCodeInVersionedLoop_Compiles()
    {
        var code = new LoopVersioningFuzzCode();
        code.Block();
        code.Loop();
        code.LocalGet(0);
        code.Memory(0x28, "i32.load", 0);
        code.Op(0x1A, "drop");
        code.LocalGet(0);
        code.If();
        code.Br(2);
        code.Op(0x6A, "i32.add");
        code.Op(0x1A, "drop");
        code.End();
        ContinueWhileBelow(code, local: 0, bound: 100);
        code.End();
        code.End();
        code.I32Const(7);
        code.FunctionEnd();
        var bytes = SingleFunction(code.Bytes, pages: 1);

        AssertSameInBothEngines(bytes, 0, "7");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnreachableCodePoppingBelowTheLoop_KeepsTheValueBelow(bool wide)
    {
        var code = new LoopVersioningFuzzCode();
        code.LocalGet(0);
        code.Block();
        code.Loop();
        code.LocalGet(0);
        code.Memory(0x28, "i32.load", 0);
        code.Op(0x1A, "drop");
        ContinueWhileBelow(code, local: 0, bound: 100);
        code.Br(1);
        code.Op(0x1A, "drop");
        code.I32Const(5);
        if (wide)
        {
            code.Op(0xAD, "i64.extend_i32_u");
        }

        code.Br(0);
        code.End();
        code.End();
        code.I32Const(1);
        code.Op(0x6A, "i32.add");
        code.FunctionEnd();
        var bytes = SingleFunction(code.Bytes, pages: 1);

        AssertSameInBothEngines(bytes, 40, "41");
    }

    [Theory]
    [InlineData(1000L)]
    public void UnreachableCodeRetypingAProvenAddress_LoadsTheProvenAddress(long stale)
    {
        var code = new LoopVersioningFuzzCode();

        // An i64 left in the i64 slot of stack position 0.
        code.I64Const(stale);
        code.Block();
        code.End();
        code.Op(0x1A, "drop");
        code.Loop();
        code.LocalGet(1);
        code.Block();
        code.Br(0);
        code.Op(0x1A, "drop");
        code.I64Const(0);
        code.Br(0);
        code.End();
        code.Memory(0x28, "i32.load", 0);
        code.LocalGet(2);
        code.Op(0x6A, "i32.add");
        code.LocalSet(2);
        ContinueWhileBelow(code, local: 1, bound: 16);
        code.End();
        code.LocalGet(2);
        code.FunctionEnd();
        var bytes = SingleFunction(code.Bytes, pages: 1, locals: 2);

        AssertSameInBothEngines(bytes, 0, expected: null);
    }

    /// <summary>
    /// Calls "f"(<paramref name="argument"/>) in an engine with loop versioning and one without: the versioned engine must
    /// compile the module and give the same outcome (and, when given, the <paramref name="expected"/> one).
    /// </summary>
    private static void AssertSameInBothEngines(byte[] bytes, int argument, string? expected)
    {
        var plain = LoopVersioningFuzzTests.Call(LoopVersioningFuzzTests.Instantiate(bytes, loopVersioning: false), "f", [argument]);
        var versioned = LoopVersioningFuzzTests.TryInstantiate(bytes, loopVersioning: true, out var error);

        if (expected is not null)
        {
            Assert.Equal(expected, plain.Outcome);
        }

        Assert.True(versioned is not null, error);
        Assert.Equal(plain.Outcome, LoopVersioningFuzzTests.Call(versioned, "f", [argument]).Outcome);
    }

    /// <summary>A module with one memory of <paramref name="pages"/> pages and one function "f": (i32) -> i32.</summary>
    private static byte[] SingleFunction(byte[] code, int pages, int locals = 0) => WasmBytes.Module(
        WasmBytes.Section(1, WasmBytes.Vec(WasmBytes.FuncType([WasmBytes.I32], [WasmBytes.I32]))),
        WasmBytes.Section(3, WasmBytes.Vec([0])),
        WasmBytes.Section(5, WasmBytes.Vec([0x00, .. WasmBytes.Leb(pages)])),
        WasmBytes.Section(7, WasmBytes.Vec([.. WasmBytes.Name("memory"), 0x02, 0x00], [.. WasmBytes.Name("f"), 0x00, 0x00])),
        WasmBytes.Section(10, WasmBytes.Vec(locals == 0 ? WasmBytes.Body(code) : WasmBytes.Body(code, (locals, WasmBytes.I32)))));

    /// <summary>The reproducers' loop tail: <c>local += 4; br_if 0 (local &lt;u bound)</c>.</summary>
    private static void ContinueWhileBelow(LoopVersioningFuzzCode code, int local, int bound)
    {
        code.LocalGet(local);
        code.I32Const(4);
        code.Op(0x6A, "i32.add");
        code.LocalTee(local);
        code.I32Const(bound);
        code.Op(0x49, "i32.lt_u");
        code.BrIf(0);
    }
}
