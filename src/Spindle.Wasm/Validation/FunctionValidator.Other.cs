using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

// Memory, reference, table and bulk-memory instructions.
internal sealed partial class FunctionValidator
{
    private void ValidateOther(in Instruction ins)
    {
        switch (ins.Opcode)
        {
            case Opcode.MemorySize:
                CheckMemory(ins.Index);
                Push(ValType.I32);
                break;
            case Opcode.MemoryGrow:
                CheckMemory(ins.Index);
                Pop(ValType.I32);
                Push(ValType.I32);
                break;
            case Opcode.RefNull:
                Push(ins.RefType);
                break;
            case Opcode.RefIsNull:
                PopReference();
                Push(ValType.I32);
                break;
            case Opcode.RefFunc:
                FunctionType(ins.Index);
                if (!_declaredReferences[ins.Index])
                {
                    Fail($"undeclared function reference: function {ins.Index} must appear in an element segment, export or global initializer to be used by ref.func");
                }

                Push(ValType.FuncRef);
                break;
            case Opcode.TableGet:
                Pop(ValType.I32);
                Push(Table(ins.Index).ElementType);
                break;
            case Opcode.TableSet:
                Pop(Table(ins.Index).ElementType);
                Pop(ValType.I32);
                break;
            case Opcode.TableSize:
                Table(ins.Index);
                Push(ValType.I32);
                break;
            case Opcode.TableGrow:
                Pop(ValType.I32);
                Pop(Table(ins.Index).ElementType);
                Push(ValType.I32);
                break;
            case Opcode.TableFill:
                Pop(ValType.I32);
                Pop(Table(ins.Index).ElementType);
                Pop(ValType.I32);
                break;
            case Opcode.TableCopy:
            {
                var destination = Table(ins.Index).ElementType;
                var source = Table(ins.Index2).ElementType;
                if (destination != source)
                {
                    Fail($"type mismatch: table.copy from a table of {Name(source)} to a table of {Name(destination)}");
                }

                PopThreeI32();
                break;
            }

            case Opcode.TableInit:
            {
                var table = Table(ins.Index2).ElementType;
                var element = Element(ins.Index).ElementType;
                if (table != element)
                {
                    Fail($"type mismatch: table.init of {Name(element)} elements into a table of {Name(table)}");
                }

                PopThreeI32();
                break;
            }

            case Opcode.ElemDrop:
                Element(ins.Index);
                break;
            case Opcode.MemoryInit:
                CheckMemory(ins.Index2);
                CheckData(ins.Index);
                PopThreeI32();
                break;
            case Opcode.DataDrop:
                CheckData(ins.Index);
                break;
            case Opcode.MemoryCopy:
                CheckMemory(ins.Index);
                CheckMemory(ins.Index2);
                PopThreeI32();
                break;
            case Opcode.MemoryFill:
                CheckMemory(ins.Index);
                PopThreeI32();
                break;
            default:
                Fail($"unsupported opcode 0x{(ushort)ins.Opcode:X}");
                break;
        }
    }

    private void PopThreeI32()
    {
        Pop(ValType.I32);
        Pop(ValType.I32);
        Pop(ValType.I32);
    }

    private ElementSegment Element(uint index)
    {
        if (index >= (uint)_module.Elements.Length)
        {
            Fail($"unknown elem segment {index}");
        }

        return _module.Elements[index];
    }

    private void CheckData(uint index)
    {
        // The decoder guarantees a data count section when memory.init or data.drop appear and data segments exist.
        if (index >= (_module.DataCount ?? 0))
        {
            Fail($"unknown data segment {index}");
        }
    }
}
