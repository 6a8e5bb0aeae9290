using System.Text;
using Spindle.Wasm;

namespace Spindle.Wasi.Tests;

/// <summary>Calls the WASI host functions directly through Programs/abi.wasm, which re-exports every import.</summary>
internal sealed class AbiHarness : IDisposable
{
    private static readonly Engine Engine = new();
    private static readonly Lazy<Module> Abi = new(() => Module.FromFile(Engine, ProgramRunner.ProgramPath("abi")));
    private readonly Store _store = new(Engine);
    private readonly Instance _instance;

    public AbiHarness(WasiConfiguration? configuration = null)
    {
        Stdout = new MemoryStream();
        Context = new WasiContext((configuration ?? new WasiConfiguration()) with { Stdout = Stdout, Stdin = new MemoryStream(), Stderr = new MemoryStream() });
        var linker = new Linker(Engine);
        Context.DefineInto(linker);
        _instance = linker.Instantiate(_store, Abi.Value);
        Memory = _instance.GetMemory("memory")!;
        Context.Memory = Memory;
    }

    public WasiContext Context { get; }

    public Memory Memory { get; }

    public MemoryStream Stdout { get; }

    public int Call(string name, params object[] args) => (int)_instance.GetFunction(name)!.Invoke(args)[0]!;

    public void Invoke(string name, params object[] args) => _instance.GetFunction(name)!.Invoke(args);

    /// <summary>Writes UTF-8 at <paramref name="address"/> and returns its length.</summary>
    public int Put(int address, string text) => Put(address, Encoding.UTF8.GetBytes(text));

    public int Put(int address, byte[] bytes)
    {
        bytes.CopyTo(Memory.GetSpan(address, bytes.Length));
        return bytes.Length;
    }

    public void Dispose()
    {
        Context.Dispose();
        _store.Dispose();
    }
}
