using System.Reflection.Emit;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Calls: direct calls are IL calls; imports and call_indirect go through a Function's code pointer (calli).
internal sealed partial class FunctionCompiler
{
    private void Call(int function)
    {
        var type = _module.FuncTypeOf((uint)function);
        if (function < _module.ImportedFunctionCount)
        {
            // Imports are Function objects (host stubs or other instances' code): call through their code pointer.
            LoadOperands(type.Parameters.Count);
            _callee ??= _il.DeclareLocal(typeof(Function));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Functions)));
            _il.Emit(OpCodes.Ldc_I4, function);
            _il.Emit(OpCodes.Ldelem_Ref);
            Store(_callee);
            EmitCallThrough(type);
            return;
        }

        LoadOperands(type.Parameters.Count);
        LoadContext();
        LoadDepth();
        var resultTemps = LoadResultAddresses(type);
        _il.Emit(OpCodes.Call, _cx.Methods[function - _module.ImportedFunctionCount]);
        PushCallResults(type, resultTemps);
    }

    private void CallIndirect(int typeIndex, int table)
    {
        var type = _module.Types[typeIndex];
        LoadOperands(type.Parameters.Count + 1);
        _callee ??= _il.DeclareLocal(typeof(Function));
        LoadContext();
        _il.Emit(OpCodes.Ldc_I4, table);
        _il.Emit(OpCodes.Ldc_I4, _cx.TypeIds[typeIndex]);
        _il.Emit(OpCodes.Call, Helper(typeof(TableOps), nameof(TableOps.ResolveIndirect)));
        Store(_callee);
        EmitCallThrough(type);
    }

    /// <summary>With the arguments on the IL stack: pushes the callee's context, the depth, result addresses and code, and calls.</summary>
    private void EmitCallThrough(FuncType type)
    {
        Load(_callee!);
        _il.Emit(OpCodes.Ldfld, Field(typeof(Function), nameof(Function.Context)));
        LoadDepth();
        var resultTemps = LoadResultAddresses(type);
        Load(_callee!);
        _il.Emit(OpCodes.Ldfld, Field(typeof(Function), nameof(Function.Code)));
        Signatures.EmitCalli(_il, type);
        PushCallResults(type, resultTemps);
    }

    /// <summary>Pushes the addresses of temporaries receiving the results after the first.</summary>
    private LocalBuilder[] LoadResultAddresses(FuncType type)
    {
        var results = type.Results;
        var temps = new LocalBuilder[Math.Max(0, results.Count - 1)];
        for (var j = 0; j < temps.Length; j++)
        {
            // Dedicated temporaries: taking the address of a slot local would stop the JIT enregistering it.
            if (!_resultTemps.TryGetValue((j, results[j + 1]), out var temp))
            {
                temp = DeclareLocal(Values.ClrType(results[j + 1]));
                _resultTemps[(j, results[j + 1])] = temp;
            }

            temps[j] = temp;
            _il.Emit(OpCodes.Ldloca, temp);
        }

        return temps;
    }

    private void PushCallResults(FuncType type, LocalBuilder[] temps)
    {
        var results = type.Results;
        if (results.Count > 0)
        {
            PushResult(results[0]);
        }

        for (var j = 0; j < temps.Length; j++)
        {
            Load(temps[j]);
            PushResult(results[j + 1]);
        }

        ReloadMemory();
    }
}
