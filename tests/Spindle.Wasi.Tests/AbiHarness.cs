using System.Text;
using Spindle.Wasm;

namespace Spindle.Wasi.Tests;

/// <summary>
/// Calls the WASI host functions directly through Programs/abi.wasm, which re-exports every import. Every harness
/// shares one linker, as a host does: the functions find the context in the store's data.
/// </summary>
internal sealed class AbiHarness : IDisposable
{
    public static readonly Engine Engine = new();
    public static readonly Lazy<Module> Abi = new(() => Module.FromFile(Engine, ProgramRunner.ProgramPath("abi")));
    public static readonly Lazy<Linker> SharedLinker = new(() =>
    {
        var linker = new Linker(Engine);
        WasiContext.Define(linker);
        return linker;
    });

    private readonly Store _store;
    private readonly Instance _instance;

    public AbiHarness(WasiConfiguration? configuration = null)
    {
        Stdout = new MemoryStream();
        Context = new WasiContext((configuration ?? new WasiConfiguration()) with { Stdout = Stdout, Stdin = new MemoryStream(), Stderr = new MemoryStream() });
        _store = new Store(Engine) { Data = Context };
        _instance = SharedLinker.Value.Instantiate(_store, Abi.Value);
        Memory = _instance.GetMemory("memory")!;
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
