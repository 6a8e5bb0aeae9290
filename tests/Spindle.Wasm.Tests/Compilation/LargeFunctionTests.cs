using Spindle.Wasm.Tests.Binary;

namespace Spindle.Wasm.Tests.Compilation;

public class LargeFunctionTests
{
    /// <summary>
    /// A function far beyond the JIT's optimization limits (about 20,000 IL instructions) still compiles and runs
    /// correctly (it runs unoptimized; see docs/rationale.md).
    /// </summary>
    [Fact]
    public void HugeFunction_CompilesAndComputesCorrectly()
    {
        const int statements = 20_000;
        var body = new List<byte> { 0x01, 0x01, WasmBytes.I32 }; // one i32 local
        for (var i = 0; i < statements; i++)
        {
            // local0 = local0 * 3 + i  (wrapping)
            body.AddRange([0x20, 0x00, 0x41, 0x03, 0x6C, 0x41, .. WasmBytes.SignedLeb(i), 0x6A, 0x21, 0x00]);
        }

        body.AddRange([0x20, 0x00, 0x0B]);
        var code = WasmBytes.Concat(WasmBytes.Leb(body.Count), [.. body]);
        var module = WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vec([0x60, 0x00, 0x01, WasmBytes.I32])),
            WasmBytes.Section(3, WasmBytes.Vec([0x00])),
            WasmBytes.Section(7, WasmBytes.Vec(WasmBytes.Concat(WasmBytes.Name("run"), [0x00, 0x00]))),
            WasmBytes.Section(10, WasmBytes.Vec(code)));

        var engine = new Engine();
        var instance = new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, module));

        var expected = 0;
        for (var i = 0; i < statements; i++)
        {
            expected = unchecked((expected * 3) + i);
        }

        Assert.Equal(expected, instance.Call("run"));
    }

    [Fact]
    public void FunctionNeedingMoreThan65000Locals_IsRejectedWithEngineError()
    {
        // 50,000 declared locals plus 20,000 values on the operand stack: beyond IL's 16-bit local indices.
        var body = new List<byte> { 0x01 };
        body.AddRange(WasmBytes.Leb(50_000));
        body.Add(WasmBytes.I32);
        for (var i = 0; i < 20_000; i++)
        {
            body.AddRange([0x41, 0x00]);
        }

        for (var i = 0; i < 20_000; i++)
        {
            body.Add(0x1A);
        }

        body.Add(0x0B);
        var module = WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vec([0x60, 0x00, 0x00])),
            WasmBytes.Section(3, WasmBytes.Vec([0x00])),
            WasmBytes.Section(10, WasmBytes.Vec(WasmBytes.Concat(WasmBytes.Leb(body.Count), [.. body]))));

        var error = Assert.Throws<WasmValidationException>(() => Module.FromBytes(new Engine(), module));
        Assert.StartsWith("implementation limit", error.Reason);
    }

    [Fact]
    public void MemoryMinimumAboveEngineLimit_FailsToInstantiateWithLinkError()
    {
        var engine = new Engine(new EngineOptions { MaxMemoryPages = 0 });
        var error = Assert.Throws<WasmLinkException>(() => new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("memory"))));
        Assert.Contains("MaxMemoryPages", error.Message);
    }
}
