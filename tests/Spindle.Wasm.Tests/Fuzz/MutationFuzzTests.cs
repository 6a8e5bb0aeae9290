using System.Diagnostics;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Validation;
using Xunit.Abstractions;

namespace Spindle.Wasm.Tests.Fuzz;

/// <summary>
/// Feeds mutated spec-suite modules (bit flips, truncations, insertions, overwrites, duplicated ranges) through
/// decode, validate and compile, asserting that only the engine's own exceptions come out and that no single input
/// takes unboundedly long. Deterministic: a fixed seed.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261121;
    private const int Iterations = 100_000;

    // A hang detector, not a timing assertion: normal inputs take microseconds, but a compile can stall for
    // seconds on a loaded two-core machine (GC, JIT), so the bound is generous.
    private static readonly TimeSpan s_perInputLimit = TimeSpan.FromSeconds(15);

    [RequiresFact(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    public void MutatedSpecModules_OnlyThrowWasmExceptions()
    {
        var corpus = new List<SeedModule>();
        foreach (var command in SpecCorpus.Instance.Commands)
        {
            if (command.Type != "assert_malformed" && command.Bytes.Length > 8)
            {
                corpus.Add(new SeedModule(command.Bytes, CodeRange(command.Bytes)));
            }
        }

        Assert.NotEmpty(corpus);
        var state = new FuzzState();
        var worker = new Thread(() => Run(corpus, state), 16 * 1024 * 1024) { IsBackground = true, Name = "wasm-fuzz" };
        worker.Start();
        while (!worker.Join(100))
        {
            var started = Volatile.Read(ref state.InputStartedTicks);
            if (started != 0 && Stopwatch.GetElapsedTime(started) > s_perInputLimit)
            {
                Assert.Fail($"input {Volatile.Read(ref state.Iteration)} (seed {Seed}) ran longer than {s_perInputLimit.TotalSeconds} s: decode/validate/compile must not hang");
            }
        }

        output.WriteLine($"{Iterations} mutated modules from {corpus.Count} spec modules: {state.Malformed} malformed, {state.Invalid} invalid, {state.Other} other engine errors, {state.Accepted} accepted and compiled");
        Assert.True(state.Failure is null, state.Failure);
    }

    private static void Run(List<SeedModule> corpus, FuzzState state)
    {
        var random = new Random(Seed);
        var engine = new Engine();
        for (var i = 0; i < Iterations && state.Failure is null; i++)
        {
            var input = Mutate(corpus[random.Next(corpus.Count)], random);
            Volatile.Write(ref state.Iteration, i);
            Volatile.Write(ref state.InputStartedTicks, Stopwatch.GetTimestamp());
            try
            {
                var definition = ModuleDecoder.Decode(input);
                ModuleValidator.Validate(definition);
                Module.FromBytes(engine, input);
                state.Accepted++;

                // The engine caches compiled modules by content; start afresh now and then to bound memory.
                if (state.Accepted % 500 == 0)
                {
                    engine = new Engine();
                }
            }
            catch (WasmDecodeException)
            {
                state.Malformed++;
            }
            catch (WasmValidationException)
            {
                state.Invalid++;
            }
            catch (WasmException)
            {
                state.Other++;
            }
            catch (Exception e)
            {
                state.Failure = $"input {i} (seed {Seed}, {input.Length} bytes: {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 256)))}) threw {e}";
            }
        }

        Volatile.Write(ref state.InputStartedTicks, 0);
    }

    /// <summary>The code section's payload range, where mutations most often give well-formed but invalid code.</summary>
    private static (int Start, int Length) CodeRange(byte[] bytes)
    {
        try
        {
            var module = ModuleDecoder.Decode(bytes);
            var start = module.SectionOffsets[10];
            return start == 0 || module.Codes.Length == 0 ? (0, 0) : (start, module.Codes[^1].BodyOffset + module.Codes[^1].BodyLength - start);
        }
        catch (WasmDecodeException)
        {
            return (0, 0);
        }
    }

    private static byte[] Mutate(SeedModule seed, Random random)
    {
        var bytes = seed.Bytes;

        // Half the time, one small change inside the function bodies: mostly well-formed, often invalid.
        if (seed.Code.Length > 0 && random.Next(2) == 0)
        {
            var copy = (byte[])bytes.Clone();
            var at = seed.Code.Start + random.Next(seed.Code.Length);
            copy[at] = random.Next(3) switch
            {
                0 => (byte)(copy[at] ^ (1 << random.Next(8))),
                1 => s_interesting[random.Next(s_interesting.Length)],
                _ => (byte)random.Next(0x1B, 0xC5),
            };
            return copy;
        }

        var rounds = random.Next(4) == 0 ? 2 : 1;
        for (var r = 0; r < rounds; r++)
        {
            bytes = random.Next(6) switch
            {
                0 => FlipBits(bytes, random),
                1 => bytes.AsSpan(0, random.Next(bytes.Length)).ToArray(),
                2 => Insert(bytes, random),
                3 => Overwrite(bytes, random),
                4 => Duplicate(bytes, random),
                _ => Remove(bytes, random),
            };
            if (bytes.Length == 0)
            {
                break;
            }
        }

        return bytes;
    }

    private static byte[] FlipBits(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var flips = 1 + random.Next(2);
        for (var i = 0; i < flips; i++)
        {
            // Skip the header most of the time so mutations reach the sections.
            var at = bytes.Length > 8 && random.Next(16) != 0 ? 8 + random.Next(bytes.Length - 8) : random.Next(bytes.Length);
            copy[at] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static readonly byte[] s_interesting = [0x00, 0x01, 0x0B, 0x40, 0x41, 0x7F, 0x80, 0xFF, 0xFC, 0x70, 0x6F, 0x60, 0x02, 0x05];

    private static byte[] Insert(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var extra = new byte[1 + random.Next(8)];
        for (var i = 0; i < extra.Length; i++)
        {
            extra[i] = random.Next(2) == 0 ? s_interesting[random.Next(s_interesting.Length)] : (byte)random.Next(256);
        }

        return [.. bytes.AsSpan(0, at), .. extra, .. bytes.AsSpan(at)];
    }

    private static byte[] Overwrite(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var at = random.Next(copy.Length);
        var length = Math.Min(1 + random.Next(5), copy.Length - at);
        for (var i = 0; i < length; i++)
        {
            copy[at + i] = s_interesting[random.Next(s_interesting.Length)];
        }

        return copy;
    }

    private static byte[] Duplicate(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = Math.Min(1 + random.Next(32), bytes.Length - start);
        var at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(start, length), .. bytes.AsSpan(at)];
    }

    private static byte[] Remove(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = Math.Min(1 + random.Next(16), bytes.Length - start);
        return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + length)];
    }

    private sealed record SeedModule(byte[] Bytes, (int Start, int Length) Code);

    private sealed class FuzzState
    {
        public int Iteration;
        public long InputStartedTicks;
        public int Malformed;
        public int Invalid;
        public int Other;
        public int Accepted;
        public volatile string? Failure;
    }
}
