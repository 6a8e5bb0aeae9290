using System.Diagnostics.CodeAnalysis;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

/// <summary>
/// Validates a decoded module against the Wasm 2.0 rules (without SIMD): module-level rules here, function bodies in
/// <see cref="FunctionValidator"/>. Throws <see cref="WasmValidationException"/> on the first error.
/// </summary>
internal sealed partial class ModuleValidator
{
    /// <summary>The spec's limit on memory size: 65536 pages of 64 KiB (4 GiB).</summary>
    public const uint MaxMemoryPages = 65536;

    private readonly ModuleDefinition _module;
    private readonly bool[] _declaredReferences;

    private ModuleValidator(ModuleDefinition module)
    {
        _module = module;
        _declaredReferences = new bool[module.TotalFunctionCount];
    }

    /// <summary>Validates <paramref name="module"/>; returns normally when it is valid.</summary>
    public static void Validate(ModuleDefinition module)
    {
        ArgumentNullException.ThrowIfNull(module);
        new ModuleValidator(module).ValidateModule();
    }

    private void ValidateModule()
    {
        var m = _module;
        ValidateImports();
        for (var i = 0; i < m.FunctionTypeIndices.Length; i++)
        {
            CheckTypeIndex(m.FunctionTypeIndices[i], m.SectionOffsets[3]);
        }

        foreach (var table in m.Tables)
        {
            CheckTableLimits(table.Limits, m.SectionOffsets[4]);
        }

        foreach (var memory in m.Memories)
        {
            CheckMemoryLimits(memory.Limits, m.SectionOffsets[5]);
        }

        if (m.TotalMemoryCount > 1)
        {
            Fail("multiple memories", m.SectionOffsets[5]);
        }

        // C.refs (spec 3.4.10): functions referenced outside function bodies may be used by ref.func.
        CollectDeclaredReferences();
        foreach (var global in m.Globals)
        {
            CheckConstant(global.Init, global.Type.ValueType);
        }

        ValidateExports();
        ValidateStart();
        ValidateElements();
        ValidateDatas();
        ValidateCode();
    }

    private void ValidateImports()
    {
        foreach (var import in _module.Imports)
        {
            var at = _module.SectionOffsets[2];
            switch (import.Kind)
            {
                case ExternKind.Func:
                    CheckTypeIndex(import.TypeIndex, at);
                    break;
                case ExternKind.Table:
                    CheckTableLimits(import.TableType!.Limits, at);
                    break;
                case ExternKind.Memory:
                    CheckMemoryLimits(import.MemoryType!.Limits, at);
                    break;
            }
        }
    }

    private void CollectDeclaredReferences()
    {
        foreach (var export in _module.Exports)
        {
            if (export.Kind == ExternKind.Func && export.Index < (uint)_declaredReferences.Length)
            {
                _declaredReferences[export.Index] = true;
            }
        }

        foreach (var element in _module.Elements)
        {
            foreach (var init in element.Initializers)
            {
                MarkReference(init);
            }
        }

        foreach (var global in _module.Globals)
        {
            MarkReference(global.Init);
        }
    }

    private void MarkReference(ConstantExpression expression)
    {
        if (expression.Opcode == Opcode.RefFunc && expression.InvalidReason is null && expression.Index < (uint)_declaredReferences.Length)
        {
            _declaredReferences[expression.Index] = true;
        }
    }

    private void ValidateExports()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var at = _module.SectionOffsets[7];
        foreach (var export in _module.Exports)
        {
            if (!names.Add(export.Name))
            {
                Fail($"duplicate export name \"{export.Name}\"", at);
            }

            var (count, what) = export.Kind switch
            {
                ExternKind.Func => (_module.TotalFunctionCount, "function"),
                ExternKind.Table => (_module.TotalTableCount, "table"),
                ExternKind.Memory => (_module.TotalMemoryCount, "memory"),
                _ => (_module.TotalGlobalCount, "global"),
            };
            if (export.Index >= (uint)count)
            {
                Fail($"unknown {what} {export.Index}", at);
            }
        }
    }

    private void ValidateStart()
    {
        if (_module.StartFunction is not { } start)
        {
            return;
        }

        var at = _module.SectionOffsets[8];
        if (start >= (uint)_module.TotalFunctionCount)
        {
            Fail($"unknown function {start}", at);
        }

        var type = _module.FuncTypeOf(start);
        if (type.Parameters.Count != 0 || type.Results.Count != 0)
        {
            Fail($"start function must have type [] -> [], found {type}", at);
        }
    }

    private void ValidateElements()
    {
        foreach (var element in _module.Elements)
        {
            if (element.Mode == ElementMode.Active)
            {
                if (element.TableIndex >= (uint)_module.TotalTableCount)
                {
                    Fail($"unknown table {element.TableIndex}", element.SegmentOffset);
                }

                CheckConstant(element.Offset!, ValType.I32);
                var tableType = _module.TableTypeOf(element.TableIndex).ElementType;
                if (tableType != element.ElementType)
                {
                    Fail($"type mismatch: element segment of {ValTypes.Name(element.ElementType)} for a table of {ValTypes.Name(tableType)}", element.SegmentOffset);
                }
            }

            foreach (var init in element.Initializers)
            {
                CheckConstant(init, element.ElementType);
            }
        }
    }

    private void ValidateDatas()
    {
        foreach (var data in _module.Datas)
        {
            if (data.Mode == DataMode.Active)
            {
                if (data.MemoryIndex >= (uint)_module.TotalMemoryCount)
                {
                    Fail($"unknown memory {data.MemoryIndex}", data.SegmentOffset);
                }

                CheckConstant(data.Offset!, ValType.I32);
            }
        }
    }

    private void ValidateCode()
    {
        if (_module.Codes.Length == 0)
        {
            return;
        }

        var validator = new FunctionValidator(_module, _declaredReferences);
        for (var i = 0; i < _module.Codes.Length; i++)
        {
            validator.Validate(i);
        }
    }

    private void CheckTypeIndex(uint index, long at)
    {
        if (index >= (uint)_module.Types.Length)
        {
            Fail($"unknown type {index}", at);
        }
    }

    private static void CheckTableLimits(Limits limits, long at)
    {
        if (limits.Max is { } max && limits.Min > max)
        {
            Fail("size minimum must not be greater than maximum", at);
        }
    }

    private static void CheckMemoryLimits(Limits limits, long at)
    {
        if (limits.Min > MaxMemoryPages || limits.Max > MaxMemoryPages)
        {
            Fail("memory size must be at most 65536 pages (4GiB)", at);
        }

        if (limits.Max is { } max && limits.Min > max)
        {
            Fail("size minimum must not be greater than maximum", at);
        }
    }

    [DoesNotReturn]
    private static void Fail(string reason, long offset) => throw new WasmValidationException(reason, null, offset, null);
}
