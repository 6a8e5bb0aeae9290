using Spindle.Wasm;

namespace Spindle.Cli.Wast;

/// <summary>
/// The <c>spectest</c> host module every spec script may import: print functions that do nothing, the
/// globals (666 / 666.6), a funcref table of 10..20 elements and a memory of 1..2 pages, created in the
/// script's store so all modules of one script share them.
/// </summary>
internal sealed class SpecTestModule
{
    public const string ModuleName = "spectest";

    private readonly Dictionary<string, object> _exports;

    public SpecTestModule(Store store)
    {
        _exports = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["print"] = Function.FromDelegate(store, () => { }),
            ["print_i32"] = Function.FromDelegate(store, (int _) => { }),
            ["print_i64"] = Function.FromDelegate(store, (long _) => { }),
            ["print_f32"] = Function.FromDelegate(store, (float _) => { }),
            ["print_f64"] = Function.FromDelegate(store, (double _) => { }),
            ["print_i32_f32"] = Function.FromDelegate(store, (int _, float _) => { }),
            ["print_f64_f64"] = Function.FromDelegate(store, (double _, double _) => { }),
            ["global_i32"] = new Global(store, new GlobalType(ValType.I32, false), 666),
            ["global_i64"] = new Global(store, new GlobalType(ValType.I64, false), 666L),
            ["global_f32"] = new Global(store, new GlobalType(ValType.F32, false), 666.6f),
            ["global_f64"] = new Global(store, new GlobalType(ValType.F64, false), 666.6),
            ["table"] = new Table(store, new TableType(ValType.FuncRef, new Limits(10, 20)), null),
            ["memory"] = new Memory(store, new MemoryType(new Limits(1, 2))),
        };
    }

    /// <summary>The export named <paramref name="name"/>, or null (an unknown import then fails to link).</summary>
    public object? Find(string name) => _exports.GetValueOrDefault(name);
}
