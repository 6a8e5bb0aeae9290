using Spindle.Wasm.Compilation;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>
/// A function: compiled Wasm code bound to its instance, or a host callback. Values are boxed as int, long, float,
/// double, <see cref="Function"/> or null (funcref) and object or null (externref).
/// </summary>
public sealed partial class Function
{
    // Read by compiled code: the callee's first argument and the code pointer (a managed static method).
    internal readonly object Context;
    internal readonly nint Code;
    internal readonly int TypeId;
    internal readonly Store Store;

    // Host functions: the callback the stub at Code invokes (a typed delegate or Func<object?[], object?[]>).
    internal readonly Delegate? HostCallback;

    private Func<Function, object?[], object?[]>? _invoker;

    internal Function(FuncType type, int typeId, nint code, object context, Store store, string name)
    {
        Type = type;
        TypeId = typeId;
        Code = code;
        Context = context;
        Store = store;
        Name = name;
    }

    private Function(FuncType type, Delegate callback, nint code, Store store)
    {
        Type = type;
        TypeId = TypeRegistry.GetId(type);
        Code = code;
        Context = this;
        Store = store;
        HostCallback = callback;
        Name = callback.Method.Name;
    }

    public FuncType Type { get; }

    /// <summary>The function's name (name section, export or host method name), for diagnostics.</summary>
    public string Name { get; }

    /// <summary>
    /// A host function from a typed delegate whose parameters and result are int, long, float, double,
    /// <see cref="Function"/> (funcref) or object (externref); a void delegate has no results.
    /// An exception thrown by the callback becomes a trap of kind <see cref="TrapKind.HostError"/>.
    /// </summary>
    public static Function FromDelegate(Store store, Delegate callback)
    {
        var type = StubCompiler.FuncTypeOfDelegate(callback.GetType())
            ?? throw new ArgumentException($"cannot use delegate type {callback.GetType()} as a Wasm function: parameters and result must be int, long, float, double, Function or object", nameof(callback));
        return new Function(type, callback, StubCompiler.DelegateStub(callback.GetType()), store);
    }

    /// <summary>A host function of any signature (including several results) from an untyped callback.</summary>
    public static Function FromCallback(Store store, FuncType type, Func<object?[], object?[]> callback) =>
        new(type, callback, StubCompiler.CallbackStub(type), store);

    /// <summary>Calls the function with boxed arguments and returns its boxed results.</summary>
    public object?[] Invoke(params object?[] args)
    {
        if (args.Length != Type.Parameters.Count)
        {
            throw new ArgumentException($"function {Name} of type {Type} takes {Type.Parameters.Count} arguments, got {args.Length}", nameof(args));
        }

        var invoker = _invoker ??= InvokerCompiler.GetInvoker(Type);
        var saved = Store.CallDepthRemaining;
        try
        {
            return invoker(this, args);
        }
        catch (Exception e)
        {
            throw Translate(this, saved, e);
        }
    }

    /// <summary>Restores the store's call depth after a trap and turns host exceptions into traps. Called by wrappers.</summary>
    internal static Exception Translate(Function function, int savedDepth, Exception exception)
    {
        function.Store.CallDepthRemaining = savedDepth;
        return exception switch
        {
            WasmException => exception,
            ArgumentException when exception.TargetSite?.DeclaringType == typeof(Values) => exception,
            InsufficientExecutionStackException => new TrapException(TrapKind.CallStackExhausted, TrapException.MessageFor(TrapKind.CallStackExhausted), [], exception),
            _ => new TrapException(TrapKind.HostError, $"host error: {exception.Message}", Trap.WasmFrames(new System.Diagnostics.StackTrace(exception, false)), exception),
        };
    }

    public override string ToString() => $"{Name}: {Type}";
}
