using System.Globalization;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Compilation;
using Spindle.Wasm.Runtime;
using Xunit.Abstractions;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>
/// Differential fuzzing of loop versioning: seeded random loop-shaped functions (LoopVersioningFuzzGenerator), each
/// called with random arguments in an engine with versioning and one without, from the same memory; results, traps and
/// the whole memory afterwards must be equal. An unsound proof shows up as a missing trap, a different tick count at
/// address 0, different memory, or a crashed test host (run with --blame to name the case).
/// </summary>
public class LoopVersioningFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261121;
    private const int DefaultModuleCount = 220;
    private const int FunctionsPerModule = 4;
    private const int CallsPerFunction = 7;

    private static readonly byte[] Pattern = CreatePattern(4 * Memory.PageSize);

    [Fact]
    public void GeneratedLoops_VersionedAndPlainAgree()
    {
        // Longer campaigns: SPINDLE_LOOP_FUZZ_SEED and SPINDLE_LOOP_FUZZ_MODULES (the defaults run in about 5 s).
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SPINDLE_LOOP_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var moduleCount = int.TryParse(Environment.GetEnvironmentVariable("SPINDLE_LOOP_FUZZ_MODULES"), out var n) ? n : DefaultModuleCount;
        var generator = new LoopVersioningFuzzGenerator(new Random(seed), unreachableCode: true);

        // To find a case that hangs or crashes the host: SPINDLE_LOOP_FUZZ_TRACE names a file that always holds the
        // current module and the calls made on it so far.
        var trace = Environment.GetEnvironmentVariable("SPINDLE_LOOP_FUZZ_TRACE");
        var (calls, fast, traps, functions, versionable, outlined) = (0, 0, 0, 0, 0, 0);
        for (var m = 0; m < moduleCount; m++)
        {
            var module = generator.Module(FunctionsPerModule);
            if (trace is not null)
            {
                File.WriteAllText(trace, $"module {m}\n{module.Wat}\n");
            }

            // Every fourth module also outlines regions (tiny budgets), in both engines.
            var budget = m % 4 == 3 ? 40 + (m % 3 * 40) : 0;
            outlined += budget > 0 ? CountOutlined(module.Bytes, budget) : 0;
            var plain = Instantiate(module.Bytes, loopVersioning: false, budget);
            var versioned = TryInstantiate(module.Bytes, loopVersioning: true, out var error, budget);
            Assert.True(versioned is not null, $"versioned compile failed: {error}\n{module.Wat}");
            versionable += CountVersionable(module.Bytes);
            functions += module.Functions;
            for (var f = 0; f < module.Functions; f++)
            {
                for (var call = 0; call < CallsPerFunction; call++)
                {
                    var args = generator.Arguments(module.Pages, module.Tame[f]);
                    if (trace is not null)
                    {
                        File.AppendAllText(trace, $"f{f}({string.Join(", ", args)})\n");
                    }

                    var expected = Call(plain, $"f{f}", args);
                    var before = LoopCounters.FastEntries;
                    var actual = Call(versioned, $"f{f}", args);
                    fast += LoopCounters.FastEntries > before ? 1 : 0;
                    traps += expected.Outcome.StartsWith("trap", StringComparison.Ordinal) ? 1 : 0;
                    calls++;
                    Assert.False(expected.Outcome.StartsWith("exception", StringComparison.Ordinal), Describe(module, f, args, expected, actual));
                    Assert.True(
                        expected.Outcome == actual.Outcome && expected.Memory.AsSpan().SequenceEqual(actual.Memory),
                        $"outlining budget {budget}: {Describe(module, f, args, expected, actual)}");
                }
            }
        }

        output.WriteLine($"seed {seed}: {functions} functions, {versionable} with a versionable loop ({100.0 * versionable / functions:F1}%); " +
            $"{outlined} split into outlined regions; {calls} calls, {fast} entered a fast copy ({100.0 * fast / calls:F1}%), {traps} trapped");

        // Not vacuous: a good share of the loops is proven, and a good share of calls runs without checks.
        Assert.True(versionable * 4 >= functions, $"only {versionable} of {functions} functions have a versionable loop");
        Assert.True(fast * 10 >= calls, $"only {fast} of {calls} calls entered a fast copy");
    }

    /// <summary>Functions RegionPlanner splits into outlined regions with this budget.</summary>
    private static int CountOutlined(byte[] bytes, int budget)
    {
        var module = ModuleDecoder.Decode(bytes);
        var count = 0;
        for (var f = 0; f < module.Codes.Length; f++)
        {
            count += RegionPlanner.Plan(module, module.ImportedFunctionCount + f, budget, budget) is { Count: > 0 } ? 1 : 0;
        }

        return count;
    }

    /// <summary>Functions whose body has a loop LoopAnalyzer would version.</summary>
    private static int CountVersionable(byte[] bytes)
    {
        var module = ModuleDecoder.Decode(bytes);
        var count = 0;
        for (var f = 0; f < module.Codes.Length; f++)
        {
            var body = module.Codes[f];
            var types = new List<ValType>(module.FuncTypeOf((uint)(module.ImportedFunctionCount + f)).Parameters);
            foreach (var group in body.Locals)
            {
                types.AddRange(Enumerable.Repeat(group.Type, (int)group.Count));
            }

            var reader = new InstructionReader(module.Bytes, body.BodyOffset, body.BodyOffset + body.BodyLength);
            var found = false;
            while (!found && reader.Read(out var ins))
            {
                found = ins.Opcode == Opcode.Loop && LoopAnalyzer.Analyze(reader, [.. types], module) is not null;
            }

            count += found ? 1 : 0;
        }

        return count;
    }

    internal static Instance? TryInstantiate(byte[] bytes, bool loopVersioning, out string? error, int outliningBudget = 0)
    {
        try
        {
            error = null;
            return Instantiate(bytes, loopVersioning, outliningBudget);
        }
        catch (Exception e) when (e is InvalidProgramException or InvalidOperationException or ArgumentException or WasmException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            return null;
        }
    }

    /// <param name="outliningBudget">When positive, the outlining threshold and region budget (see OutliningTests).</param>
    internal static Instance Instantiate(byte[] bytes, bool loopVersioning, int outliningBudget = 0)
    {
        var options = new EngineOptions { LoopVersioning = loopVersioning, CountFastLoops = loopVersioning };
        if (outliningBudget > 0)
        {
            options = options with { OutliningThreshold = outliningBudget, RegionBudget = outliningBudget };
        }

        var engine = new Engine(options);
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, bytes));
    }

    /// <summary>Fills memory with a known pattern, calls the function, and returns its result or trap and the memory.</summary>
    internal static (string Outcome, byte[] Memory) Call(Instance instance, string function, object[] args)
    {
        var memory = instance.GetMemory("memory")!;
        var span = memory.GetSpan();
        Pattern.AsSpan(0, span.Length).CopyTo(span);
        string outcome;
        try
        {
            outcome = instance.GetFunction(function)!.Invoke(args) is [var result] ? Convert.ToString(result, CultureInfo.InvariantCulture)! : "done";
        }
        catch (TrapException trap)
        {
            outcome = $"trap {trap.Kind}";
        }
        catch (Exception e) when (e is InvalidProgramException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or WasmException)
        {
            // Not a trap: a compiler failure, reported as an outcome so the two engines' failures are compared.
            outcome = $"exception {e.GetType().Name}: {e.Message}";
        }

        return (outcome, memory.GetSpan().ToArray());
    }

    private static string Describe(LoopVersioningFuzzModule module, int function, object[] args, (string Outcome, byte[] Memory) expected, (string Outcome, byte[] Memory) actual)
    {
        var d = expected.Memory.Length == actual.Memory.Length ? FirstDifference(expected.Memory, actual.Memory) : -1;
        var difference = expected.Memory.Length != actual.Memory.Length ? $"memory length {expected.Memory.Length} vs {actual.Memory.Length}"
            : d >= 0 ? $"first memory difference at {d}: {expected.Memory[d]} vs {actual.Memory[d]}" : "memory equal";
        return $"f{function}({string.Join(", ", args)}): plain {expected.Outcome}, versioned {actual.Outcome}; {difference}\n{module.Wat}";
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] CreatePattern(int length)
    {
        var pattern = new byte[length];
        for (var i = 0; i < length; i++)
        {
            pattern[i] = (byte)((i * 31) ^ (i >> 8));
        }

        return pattern;
    }
}
