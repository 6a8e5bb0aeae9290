using Spindle.Wasm.Binary;
using Spindle.Wasm.Validation;
using static Spindle.Wasm.Tests.Binary.WasmBytes;

namespace Spindle.Wasm.Tests.Fuzz;

/// <summary>
/// Every truncation and every single-bit flip of a small module that uses most sections: only decode or
/// validation errors may come out. Runs without the spec suite.
/// </summary>
public sealed class ExhaustiveMutationTests
{
    private static readonly byte[] s_module = Module(
        Section(1, Vec(FuncType([I32, I64], [I32]), FuncType([], []))),
        Section(2, Vec(Concat(Name("env"), Name("f"), [0x00, 0x01]), Concat(Name("env"), Name("g"), [0x03, I32, 0x00]))),
        Section(3, Vec([0x00], [0x01])),
        Section(4, Vec([FuncRef, 0x01, 0x01, 0x04])),
        Section(5, Vec([0x01, 0x01, 0x02])),
        Section(6, Vec([I64, 0x01, 0x42, 0x7F, 0x0B])),
        Section(7, Vec(Concat(Name("run"), [0x00, 0x01]), Concat(Name("mem"), [0x02, 0x00]))),
        Section(8, [0x02]),
        Section(9, Vec(Concat([0x00, 0x23, 0x00, 0x0B], Vec([0x01], [0x02])), Concat([0x05, FuncRef], Vec([0xD2, 0x01, 0x0B])))),
        Section(12, [0x02]),
        Section(10, Vec(
            Body([0x20, 0x00, 0x20, 0x01, 0xA7, 0x6A, 0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B, 0x02, 0x40, 0x41, 0x00, 0x0E, 0x01, 0x00, 0x00, 0x0B, 0x0B], (1, F64)),
            Body([0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xFC, 0x08, 0x01, 0x00, 0xFC, 0x09, 0x00, 0x41, 0x00, 0x28, 0x02, 0x04, 0x1A, 0x0B]))),
        Section(11, Vec([0x00, 0x41, 0x08, 0x0B, 0x02, 0x61, 0x62], [0x01, 0x01, 0x63])),
        Section(0, Name("name"), Section(1, Vec(Concat([0x01], Name("run"))))));

    [Fact]
    public void BaseModule_IsValid() => ModuleValidator.Validate(ModuleDecoder.Decode(s_module));

    [Fact]
    public void EveryTruncation_IsMalformed()
    {
        var boundaries = SectionBoundaries(s_module);
        for (var length = 0; length < s_module.Length; length++)
        {
            var outcome = Run(s_module.AsSpan(0, length).ToArray());

            // A cut exactly between sections can leave a well-formed prefix; a cut anywhere else is malformed.
            var allowed = boundaries.Contains(length)
                ? outcome is null or WasmDecodeException or WasmValidationException
                : outcome is WasmDecodeException;
            Assert.True(allowed, $"length {length}: {outcome}");
        }
    }

    [Fact]
    public void EveryBitFlip_GivesOnlyEngineErrors()
    {
        for (var i = 0; i < s_module.Length * 8; i++)
        {
            var mutated = (byte[])s_module.Clone();
            mutated[i / 8] ^= (byte)(1 << (i % 8));
            var outcome = Run(mutated);
            Assert.True(outcome is null or WasmDecodeException or WasmValidationException, $"bit {i}: {outcome}");
        }
    }

    private static HashSet<int> SectionBoundaries(byte[] module)
    {
        var boundaries = new HashSet<int>();
        var at = 8;
        while (at < module.Length)
        {
            boundaries.Add(at);
            at++;
            var size = 0;
            var shift = 0;
            byte b;
            do
            {
                b = module[at++];
                size |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            at += size;
        }

        return boundaries;
    }

    private static Exception? Run(byte[] bytes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
