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

    // Host functions taking a Caller: whether instantiation binds them to the importing instance, and that instance.
    internal readonly bool TakesCaller;
    internal readonly InstanceContext? CallerInstance;

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

    private Function(FuncType type, Delegate callback, nint code, Store store, bool takesCaller)
    {
        Type = type;
        TypeId = TypeRegistry.GetId(type);
        Code = code;
        Context = this;
        Store = store;
        HostCallback = callback;
        TakesCaller = takesCaller;
        Name = callback.Method.Name;
    }

    // A Caller-taking host function bound to the instance importing it: same stub, the instance's store.
    private Function(Function host, InstanceContext caller)
    {
        Type = host.Type;
        TypeId = host.TypeId;
        Code = host.Code;
        Context = this;
        Store = caller.Store;
        HostCallback = host.HostCallback;
        TakesCaller = true;
        CallerInstance = caller;
        Name = host.Name;
    }

    public FuncType Type { get; }

    /// <summary>The function's name (name section, export or host method name), for diagnostics.</summary>
    public string Name { get; }

    /// <summary>
    /// A host function from a typed delegate whose parameters and result are int, long, float, double,
    /// <see cref="Function"/> (funcref) or object (externref); a void delegate has no results. A first parameter of
    /// type <see cref="Caller"/> is not a Wasm parameter: it receives the calling instance.
    /// An exception thrown by the callback becomes a trap of kind <see cref="TrapKind.HostError"/>.
    /// </summary>
    public static Function FromDelegate(Store store, Delegate callback)
    {
        var delegateType = callback.GetType();
        var type = StubCompiler.FuncTypeOfDelegate(delegateType)
            ?? throw new ArgumentException($"cannot use delegate type {delegateType} as a Wasm function: parameters and result must be int, long, float, double, Function or object (after an optional first Caller)", nameof(callback));
        return new Function(type, callback, StubCompiler.DelegateStub(delegateType), store, StubCompiler.TakesCaller(delegateType));
    }

    /// <summary>A host function of any signature (including several results) from an untyped callback.</summary>
    public static Function FromCallback(Store store, FuncType type, Func<object?[], object?[]> callback) =>
        new(type, callback, StubCompiler.CallbackStub(type), store, takesCaller: false);

    /// <summary>An untyped host function that also receives the calling instance.</summary>
    public static Function FromCallback(Store store, FuncType type, Func<Caller, object?[], object?[]> callback) =>
        new(type, callback, StubCompiler.CallbackStub(type), store, takesCaller: true);

    /// <summary>This host function as called from <paramref name="caller"/> (one small object per import and instance).</summary>
    internal Function BindCaller(InstanceContext caller) => new(this, caller);

    /// <summary>Calls the function with boxed arguments and returns its boxed results.</summary>
    public object?[] Invoke(params object?[] args)
    {
        if (args.Length != Type.Parameters.Count)
        {
            throw new ArgumentException($"function {Name} of type {Type} takes {Type.Parameters.Count} arguments, got {args.Length}", nameof(args));
        }

        var invoker = _invoker ??= InvokerCompiler.GetInvoker(Type);
        var saved = Store.CallDepthRemaining;
        Store.EnterGuest();
        object?[] results;
        try
        {
            results = invoker(this, args);
        }
        catch (Exception e)
        {
            throw Translate(this, saved, e);
        }

        Store.LeaveGuest();
        return results;
    }

    /// <summary>Restores the store's call depth after a trap, ends the guest call, and turns host exceptions into traps. Called by wrappers.</summary>
    internal static Exception Translate(Function function, int savedDepth, Exception exception)
    {
        function.Store.CallDepthRemaining = savedDepth;
        function.Store.LeaveGuest();
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
