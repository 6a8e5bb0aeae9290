using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Instantiation in spec order: check imports, create memories/tables/globals, apply active element segments then
/// data segments (each bounds-checked; a trap stops instantiation and earlier writes remain), run the start function.
/// </summary>
internal static class Instantiator
{
    public static Instance Instantiate(Store store, Module module, object[] imports)
    {
        var compiled = module.Compiled;
        var definition = compiled.Definition;
        var options = store.Engine.Options;
        var ctx = new InstanceContext(store, compiled)
        {
            DroppedData = compiled.InitiallyDroppedData,
            DroppedElements = compiled.InitiallyDroppedElements,
        };

        int functions = 0, tables = 0, globals = 0;
        for (var i = 0; i < imports.Length; i++)
        {
            var import = definition.Imports[i];
            var item = imports[i];
            switch (import.Kind)
            {
                case ExternKind.Func:
                    var expected = definition.Types[import.TypeIndex];
                    if (item is not Function function || !function.Type.Equals(expected))
                    {
                        throw Incompatible(import, $"a function of type {expected}", item);
                    }

                    ctx.Functions[functions++] = function.TakesCaller ? function.BindCaller(ctx) : function;
                    break;
                case ExternKind.Table:
                    if (item is not Table table || table.ElementType != import.TableType!.ElementType || !Matches(table.Size, table.DeclaredMax, import.TableType.Limits))
                    {
                        throw Incompatible(import, $"a {ValTypes.Name(import.TableType!.ElementType)} table with limits {import.TableType.Limits}", item);
                    }

                    ctx.Tables[tables++] = table;
                    break;
                case ExternKind.Memory:
                    if (item is not Memory memory || !Matches(memory.Pages, memory.DeclaredMax, import.MemoryType!.Limits))
                    {
                        throw Incompatible(import, $"a memory with limits {import.MemoryType!.Limits}", item);
                    }

                    ctx.Memory = memory;
                    break;
                default:
                    if (item is not Global global || global.Type != import.GlobalType)
                    {
                        throw Incompatible(import, $"a global of type {Describe(import.GlobalType!)}", item);
                    }

                    ctx.Globals[globals++] = global;
                    break;
            }
        }

        try
        {
            foreach (var type in definition.Tables)
            {
                ctx.Tables[tables++] = new Table(options, type, null);
            }

            if (definition.Memories.Length > 0)
            {
                ctx.Memory = new Memory(options, definition.Memories[0], store.Engine.MemoryPool);
                store.Own(ctx.Memory);
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            // A declared minimum above the engine's limits: the module cannot be instantiated with these options.
            throw new WasmLinkException($"cannot instantiate {module}: {e.Message.Split(" (Parameter")[0]}", module.Name ?? "", "");
        }

        foreach (var global in definition.Globals)
        {
            var created = new Global(global.Type);
            ConstantEvaluator.Initialize(ctx, created, global.Init);
            ctx.Globals[globals++] = created;
        }

        var instance = new Instance(module, ctx);
        ApplyElements(ctx, definition);
        ApplyData(ctx, definition);
        if (definition.StartFunction is { } start)
        {
            ctx.GetFunction((int)start).Invoke();
        }

        return instance;
    }

    private static void ApplyElements(InstanceContext ctx, ModuleDefinition definition)
    {
        foreach (var segment in definition.Elements)
        {
            if (segment.Mode != ElementMode.Active)
            {
                continue;
            }

            var offset = (uint)ConstantEvaluator.I32(ctx, segment.Offset!);
            var elements = ctx.Tables[segment.TableIndex].Elements;
            var initializers = segment.Initializers;
            if ((ulong)offset + (ulong)initializers.Length > (ulong)elements.Length)
            {
                Trap.Throw(TrapKind.TableOutOfBounds);
            }

            for (var i = 0; i < initializers.Length; i++)
            {
                elements[offset + i] = ConstantEvaluator.Reference(ctx, initializers[i]);
            }
        }
    }

    private static void ApplyData(InstanceContext ctx, ModuleDefinition definition)
    {
        foreach (var segment in definition.Datas)
        {
            if (segment.Mode != DataMode.Active)
            {
                continue;
            }

            var offset = (uint)ConstantEvaluator.I32(ctx, segment.Offset!);
            var memory = ctx.Memory!;
            if ((ulong)offset + (ulong)segment.DataLength > memory.ByteLength)
            {
                Trap.Throw(TrapKind.MemoryOutOfBounds);
            }

            definition.Bytes.AsSpan(segment.DataOffset, segment.DataLength).CopyTo(memory.Buffer.AsSpan((int)offset));
        }
    }

    /// <summary>Import subtyping for limits: at least the required minimum, and a maximum no larger than required.</summary>
    private static bool Matches(uint size, uint? max, Limits required) =>
        size >= required.Min && (required.Max is not { } requiredMax || (max is { } actualMax && actualMax <= requiredMax));

    private static WasmLinkException Incompatible(Import import, string expected, object item) =>
        new($"incompatible import type: {import.Module}::{import.Name} must be {expected}, but the definition is {DescribeItem(item)}", import.Module, import.Name);

    private static string Describe(GlobalType type) => type.Mutable ? $"(mut {ValTypes.Name(type.ValueType)})" : ValTypes.Name(type.ValueType);

    private static string DescribeItem(object item) => item switch
    {
        Function f => $"a function of type {f.Type}",
        Table t => $"a {ValTypes.Name(t.ElementType)} table with limits {new Limits(t.Size, t.DeclaredMax)}",
        Memory m => $"a memory with limits {new Limits(m.Pages, m.DeclaredMax)}",
        Global g => $"a global of type {Describe(g.Type)}",
        _ => item.GetType().Name,
    };
}
