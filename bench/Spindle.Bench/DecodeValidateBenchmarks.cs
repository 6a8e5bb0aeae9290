using BenchmarkDotNet.Attributes;
using Spindle.Wasm;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Validation;

namespace Spindle.Bench;

/// <summary>
/// The engine's front end, stage by stage, on clang -O2 output (Modules/frontend.c): an 856 KB module with
/// 1,210 functions and a 16 KB one with 20. <see cref="Decode"/> and <see cref="Validate"/> call the internal
/// stages directly; <see cref="FromBytes"/> is the public path (SHA-256 cache key, decode, validate, emit IL for
/// every function) on a fresh <see cref="Engine"/> each time, since an engine caches compiled modules by content
/// hash. The JIT compiles each method on its first call, so that cost is not here.
/// Run: dotnet run -c Release --project bench/Spindle.Bench -- --filter '*DecodeValidate*'
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DecodeValidateBenchmarks
{
    private byte[] _bytes = [];
    private object _decoded = null!;

    [Params("frontend.wasm", "frontend-small.wasm")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchModules.Read(File);
        var decoded = ModuleDecoder.Decode(_bytes);
        ModuleValidator.Validate(decoded);
        _decoded = decoded;
    }

    /// <summary>Binary decoding, including every instruction's encoding and block structure.</summary>
    [Benchmark]
    public object Decode() => ModuleDecoder.Decode(_bytes);

    /// <summary>Validation of the already decoded module (type checking every function body).</summary>
    [Benchmark]
    public object Validate()
    {
        ModuleValidator.Validate((ModuleDefinition)_decoded);
        return _decoded;
    }

    /// <summary>Decode + validate + compile to IL, uncached.</summary>
    [Benchmark]
    public Module FromBytes() => Module.FromBytes(new Engine(), _bytes);
}
