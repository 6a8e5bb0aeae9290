using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Host function stubs: static methods with a compiled function's signature (so Wasm calls them like any other
/// function) that invoke the host callback. One stub per delegate type or function type, shared process-wide.
/// </summary>
internal static class StubCompiler
{
    private static readonly Lock s_lock = new();
    private static readonly ConcurrentDictionary<Type, nint> s_delegateStubs = new();
    private static readonly ConcurrentDictionary<FuncType, nint> s_callbackStubs = new();
    private static readonly ConcurrentDictionary<Type, FuncType?> s_delegateTypes = new();
    private static ModuleBuilder? s_module;
    private static int s_count;

    /// <summary>The Wasm type of a delegate type, or null when a parameter or the result has no Wasm type.</summary>
    public static FuncType? FuncTypeOfDelegate(Type delegateType) =>
        s_delegateTypes.TryGetValue(delegateType, out var type) ? type : s_delegateTypes.GetOrAdd(delegateType, ComputeFuncType(delegateType));

    private static FuncType? ComputeFuncType(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke");
        if (invoke is null || !typeof(Delegate).IsAssignableFrom(delegateType))
        {
            return null;
        }

        var parameters = invoke.GetParameters();
        var first = HasCallerParameter(parameters) ? 1 : 0;
        var types = new ValType[parameters.Length - first];
        for (var i = first; i < parameters.Length; i++)
        {
            if (Values.FromClrType(parameters[i].ParameterType) is not { } t)
            {
                return null;
            }

            types[i - first] = t;
        }

        if (invoke.ReturnType == typeof(void))
        {
            return new FuncType(types, []);
        }

        return Values.FromClrType(invoke.ReturnType) is { } result ? new FuncType(types, [result]) : null;
    }

    /// <summary>Whether the delegate type's first parameter is a <see cref="Caller"/> (not a Wasm parameter).</summary>
    public static bool TakesCaller(Type delegateType) =>
        delegateType.GetMethod("Invoke") is { } invoke && HasCallerParameter(invoke.GetParameters());

    private static bool HasCallerParameter(ParameterInfo[] parameters) =>
        parameters.Length > 0 && parameters[0].ParameterType == typeof(Caller);

    public static nint DelegateStub(Type delegateType) =>
        s_delegateStubs.TryGetValue(delegateType, out var stub) ? stub : s_delegateStubs.GetOrAdd(delegateType, CreateDelegateStub(delegateType));

    public static nint CallbackStub(FuncType type) =>
        s_callbackStubs.TryGetValue(type, out var stub) ? stub : s_callbackStubs.GetOrAdd(type, CreateCallbackStub(type));

    private static nint CreateDelegateStub(Type delegateType)
    {
        var type = FuncTypeOfDelegate(delegateType)!;
        var invoke = delegateType.GetMethod("Invoke")!;
        return Build(type, il =>
        {
            var parameters = invoke.GetParameters();
            var first = HasCallerParameter(parameters) ? 1 : 0;
            var context = parameters.Length - first;
            il.Emit(OpCodes.Ldarg, context);
            il.Emit(OpCodes.Castclass, typeof(Function));
            il.Emit(OpCodes.Ldfld, typeof(Function).GetField(nameof(Function.HostCallback), BindingFlags.NonPublic | BindingFlags.Instance)!);
            il.Emit(OpCodes.Castclass, delegateType);
            if (first == 1)
            {
                // The context of a Caller-taking host function is the function bound to the calling instance.
                il.Emit(OpCodes.Ldarg, context);
                il.Emit(OpCodes.Castclass, typeof(Function));
                il.Emit(OpCodes.Newobj, typeof(Caller).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(Function)])!);
            }

            for (var i = first; i < parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg, i - first);
                if (parameters[i].ParameterType == typeof(Function))
                {
                    il.Emit(OpCodes.Castclass, typeof(Function));
                }
            }

            il.Emit(OpCodes.Callvirt, invoke);
        });
    }

    private static nint CreateCallbackStub(FuncType type) => Build(type, il =>
    {
        var parameters = type.Parameters;
        var results = type.Results;
        il.Emit(OpCodes.Ldarg, parameters.Count);
        il.Emit(OpCodes.Castclass, typeof(Function));
        il.Emit(OpCodes.Ldc_I4, parameters.Count);
        il.Emit(OpCodes.Newarr, typeof(object));
        for (var i = 0; i < parameters.Count; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldarg, i);
            if (Values.ClrType(parameters[i]).IsValueType)
            {
                il.Emit(OpCodes.Box, Values.ClrType(parameters[i]));
            }

            il.Emit(OpCodes.Stelem_Ref);
        }

        il.Emit(OpCodes.Call, typeof(HostCalls).GetMethod(nameof(HostCalls.InvokeCallback))!);
        var res = il.DeclareLocal(typeof(object[]));
        il.Emit(OpCodes.Stloc, res);
        for (var j = 1; j < results.Count; j++)
        {
            il.Emit(OpCodes.Ldarg, parameters.Count + 1 + j);
            EmitResult(il, res, j, results[j]);
            il.Emit(Signatures.StoreIndirect(results[j]));
        }

        if (results.Count > 0)
        {
            EmitResult(il, res, 0, results[0]);
        }
    });

    private static void EmitResult(ILGenerator il, LocalBuilder res, int index, ValType type)
    {
        il.Emit(OpCodes.Ldloc, res);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldelem_Ref);
        if (Signatures.Unbox(type) is { } unbox)
        {
            il.Emit(OpCodes.Call, unbox);
        }
    }

    /// <summary>
    /// The stub's body between publishing the caller's depth budget in the store (so a host function calling back into
    /// Wasm continues it) and restoring the previous value. On a trap or host exception the host entry point that
    /// catches it restores the store's budget instead (<see cref="Function.Translate"/>).
    /// </summary>
    private static void EmitCallBody(ILGenerator il, FuncType type, Type returnType, Action<ILGenerator> emit)
    {
        var context = type.Parameters.Count;
        var store = il.DeclareLocal(typeof(Store));
        var saved = il.DeclareLocal(typeof(int));
        il.Emit(OpCodes.Ldarg, context);
        il.Emit(OpCodes.Castclass, typeof(Function));
        il.Emit(OpCodes.Ldfld, s_functionStore);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, store);
        il.Emit(OpCodes.Ldfld, s_depth);
        il.Emit(OpCodes.Stloc, saved);
        il.Emit(OpCodes.Ldloc, store);
        il.Emit(OpCodes.Ldarg, context + 1);
        il.Emit(OpCodes.Stfld, s_depth);
        emit(il);
        var result = returnType == typeof(void) ? null : il.DeclareLocal(returnType);
        if (result is not null)
        {
            il.Emit(OpCodes.Stloc, result);
        }

        il.Emit(OpCodes.Ldloc, store);
        il.Emit(OpCodes.Ldloc, saved);
        il.Emit(OpCodes.Stfld, s_depth);
        if (result is not null)
        {
            il.Emit(OpCodes.Ldloc, result);
        }

        il.Emit(OpCodes.Ret);
    }

    private static readonly FieldInfo s_functionStore = typeof(Function).GetField(nameof(Function.Store), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_depth = typeof(Store).GetField(nameof(Store.CallDepthRemaining), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static nint Build(FuncType type, Action<ILGenerator> emit)
    {
        lock (s_lock)
        {
            s_module ??= DynamicAssemblies.Define("Spindle.Wasm.HostStubs", AssemblyBuilderAccess.Run);
            var typeBuilder = s_module.DefineType($"Spindle.Wasm.HostStubs.Stub{s_count++}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
            var returnType = Signatures.ReturnType(type);
            var method = typeBuilder.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Static, returnType, Signatures.ParameterTypes(type, typeof(object)));
            var il = method.GetILGenerator();
            EmitCallBody(il, type, returnType, emit);
            var created = typeBuilder.CreateType();
            return created.GetMethod("Invoke")!.MethodHandle.GetFunctionPointer();
        }
    }
}
