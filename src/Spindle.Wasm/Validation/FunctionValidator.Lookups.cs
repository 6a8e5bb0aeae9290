using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

// Index-space lookups that fail with the spec's "unknown ..." errors.
internal sealed partial class FunctionValidator
{
    private ValType Local(uint index)
    {
        if (index >= (uint)_localCount)
        {
            Fail($"unknown local {index}");
        }

        return _locals[index];
    }

    private GlobalType Global(uint index)
    {
        if (index >= (uint)_module.TotalGlobalCount)
        {
            Fail($"unknown global {index}");
        }

        return _module.GlobalTypeOf(index);
    }

    private FuncType Type(uint index)
    {
        if (index >= (uint)_module.Types.Length)
        {
            Fail($"unknown type {index}");
        }

        return _module.Types[index];
    }

    private FuncType FunctionType(uint index)
    {
        if (index >= (uint)_module.TotalFunctionCount)
        {
            Fail($"unknown function {index}");
        }

        return Type(_module.TypeIndexOf(index));
    }

    private TableType Table(uint index)
    {
        if (index >= (uint)_module.TotalTableCount)
        {
            Fail($"unknown table {index}");
        }

        return _module.TableTypeOf(index);
    }

    private void CheckMemory(uint index)
    {
        if (index >= (uint)_module.TotalMemoryCount)
        {
            Fail($"unknown memory {index}");
        }
    }

    private void CheckMemArg(in Instruction ins)
    {
        CheckMemory(0);
        var natural = OpcodeInfo.NaturalAlignment(ins.Opcode);
        if (ins.MemAlign > (uint)natural)
        {
            Fail($"alignment must not be larger than natural ({1u << (int)ins.MemAlign} > {1 << natural})");
        }
    }
}
