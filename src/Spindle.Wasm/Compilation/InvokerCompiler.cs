using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Host-to-guest entry points, one per function type (boxed <see cref="Function.Invoke"/>) or delegate type
/// (<see cref="Function.Wrap{TDelegate}"/>): dynamic methods that call the function's code pointer directly.
/// </summary>
internal static class InvokerCompiler
{
    private static readonly ConcurrentDictionary<FuncType, Func<Function, object?[], object?[]>> s_invokers = new();
    private static readonly ConcurrentDictionary<Type, DynamicMethod> s_wrappers = new();
    private static readonly FieldInfo s_context = typeof(Function).GetField(nameof(Function.Context), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_code = typeof(Function).GetField(nameof(Function.Code), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_store = typeof(Function).GetField(nameof(Function.Store), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_depth = typeof(Store).GetField(nameof(Store.CallDepthRemaining), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_running = typeof(Store).GetField(nameof(Store.Running), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo s_releaseIfPending = typeof(Store).GetMethod(nameof(Store.ReleaseIfPending), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public static Func<Function, object?[], object?[]> GetInvoker(FuncType type) =>
        s_invokers.TryGetValue(type, out var invoker) ? invoker : s_invokers.GetOrAdd(type, CreateInvoker(type));

    public static DynamicMethod GetWrapper(Type delegateType, FuncType type) =>
        s_wrappers.TryGetValue(delegateType, out var wrapper) ? wrapper : s_wrappers.GetOrAdd(delegateType, CreateWrapper(delegateType, type));

    private static Func<Function, object?[], object?[]> CreateInvoker(FuncType type)
    {
        var method = new DynamicMethod("invoke " + type, typeof(object[]), [typeof(Function), typeof(object[])], typeof(InvokerCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var parameters = type.Parameters;
        var results = type.Results;
        var extras = new LocalBuilder[Math.Max(0, results.Count - 1)];
        for (var j = 0; j < extras.Length; j++)
        {
            extras[j] = il.DeclareLocal(Values.ClrType(results[j + 1]));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            if (Signatures.Unbox(parameters[i]) is { } unbox)
            {
                il.Emit(OpCodes.Call, unbox);
            }
        }

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_context);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_store);
        il.Emit(OpCodes.Ldfld, s_depth);

        foreach (var extra in extras)
        {
            il.Emit(OpCodes.Ldloca, extra);
        }

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_code);
        Signatures.EmitCalli(il, type);
        LocalBuilder? first = null;
        if (results.Count > 0)
        {
            first = il.DeclareLocal(Values.ClrType(results[0]));
            il.Emit(OpCodes.Stloc, first);
        }

        il.Emit(OpCodes.Ldc_I4, results.Count);
        il.Emit(OpCodes.Newarr, typeof(object));
        for (var j = 0; j < results.Count; j++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, j);
            var local = j == 0 ? first! : extras[j - 1];
            il.Emit(OpCodes.Ldloc, local);
            if (local.LocalType.IsValueType)
            {
                il.Emit(OpCodes.Box, local.LocalType);
            }

            il.Emit(OpCodes.Stelem_Ref);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<Function, object?[], object?[]>>();
    }

    private static DynamicMethod CreateWrapper(Type delegateType, FuncType type)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters();
        var parameterTypes = new Type[parameters.Length + 1];
        parameterTypes[0] = typeof(Function);
        for (var i = 0; i < parameters.Length; i++)
        {
            parameterTypes[i + 1] = parameters[i].ParameterType;
        }

        var method = new DynamicMethod("wrap " + type, invoke.ReturnType, parameterTypes, typeof(InvokerCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var saved = il.DeclareLocal(typeof(int));
        var result = invoke.ReturnType == typeof(void) ? null : il.DeclareLocal(invoke.ReturnType);
        // store.Running++ (Store.EnterGuest, inline: the wrapper is the hot host-to-guest path).
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_store);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Ldfld, s_running);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stfld, s_running);
        il.Emit(OpCodes.Ldfld, s_depth);
        il.Emit(OpCodes.Stloc, saved);
        var end = il.BeginExceptionBlock();
        for (var i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldarg, i + 1);
        }

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_context);
        il.Emit(OpCodes.Ldloc, saved);

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_code);
        Signatures.EmitCalli(il, type);
        if (result is not null)
        {
            if (result.LocalType == typeof(Function))
            {
                il.Emit(OpCodes.Castclass, typeof(Function));
            }

            il.Emit(OpCodes.Stloc, result);
        }

        il.BeginCatchBlock(typeof(Exception));
        var exception = il.DeclareLocal(typeof(Exception));
        il.Emit(OpCodes.Stloc, exception);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldloc, saved);
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Call, typeof(Function).GetMethod(nameof(Function.Translate), BindingFlags.NonPublic | BindingFlags.Static)!);
        il.Emit(OpCodes.Throw);
        il.EndExceptionBlock();
        _ = end;
        // Store.LeaveGuest, inline: --store.Running, and the deferred release only when it reaches 0 with one pending.
        var left = il.DefineLabel();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_store);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Ldfld, s_running);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, saved);
        il.Emit(OpCodes.Stfld, s_running);
        il.Emit(OpCodes.Ldloc, saved);
        il.Emit(OpCodes.Brtrue, left);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, s_store);
        il.Emit(OpCodes.Call, s_releaseIfPending);
        il.MarkLabel(left);
        if (result is not null)
        {
            il.Emit(OpCodes.Ldloc, result);
        }

        il.Emit(OpCodes.Ret);
        return method;
    }
}
