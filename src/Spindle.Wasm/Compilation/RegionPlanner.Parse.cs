using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

// The planning pass: operand stack heights per instruction (from block and call types) split each block body into
// statements (from one point where the block's operand stack is empty to the next) and other segments.
internal sealed partial class RegionPlanner
{
    private Body Parse(FunctionBody function, FuncType type)
    {
        var root = new Body(null, new RegionFrame(Opcode.Block, [], [.. type.Results]), 0);
        var frames = new List<Open> { new(root, 0, null) };
        var height = 0;
        var index = 0;
        var reader = new InstructionReader(_module.Bytes, function.BodyOffset, function.BodyOffset + function.BodyLength);
        while (frames.Count > 0 && reader.Read(out var ins))
        {
            _instructions.Add(ins);
            _prefix.Add(_prefix[^1] + Cost(in ins));
            var f = frames[^1];
            if (f.Unreachable)
            {
                // Dead code: only nesting matters, until this frame's else or end.
                switch (ins.Opcode)
                {
                    case Opcode.Block or Opcode.Loop or Opcode.If:
                        f.DeadDepth++;
                        break;
                    case Opcode.End when f.DeadDepth > 0:
                        f.DeadDepth--;
                        break;
                    case Opcode.Else when f.DeadDepth == 0:
                        height = Else(f, index, height);
                        break;
                    case Opcode.End:
                        height = End(frames, index, height);
                        break;
                }

                index++;
                continue;
            }

            if (height == f.Height && ins.Opcode is not (Opcode.Else or Opcode.End))
            {
                Boundary(f, index);
            }

            switch (ins.Opcode)
            {
                case Opcode.Block:
                case Opcode.Loop:
                case Opcode.If:
                    if (ins.Opcode == Opcode.If)
                    {
                        height--;
                    }

                    var (parameters, results) = BlockSignature(ins.BlockType);
                    var frame = new RegionFrame(ins.Opcode, parameters, results);
                    var body = new Body(f.Body, frame, index + 1);
                    f.Current.Children.Add(body);
                    frames.Add(new Open(body, height - parameters.Length, f.Current));
                    break;
                case Opcode.Else:
                    height = Else(f, index, height);
                    break;
                case Opcode.End:
                    height = End(frames, index, height);
                    break;
                case Opcode.Br:
                case Opcode.Return:
                case Opcode.Unreachable:
                    f.Unreachable = true;
                    break;
                case Opcode.BrIf:
                    height--;
                    break;
                case Opcode.BrTable:
                    height--;
                    f.Unreachable = true;
                    break;
                default:
                    var (pops, pushes) = Effect(in ins);
                    height += pushes - pops;
                    break;
            }

            index++;
        }

        return root;
    }

    /// <summary>The then-body ends; the else-body starts with the block's parameters on the stack.</summary>
    private static int Else(Open f, int index, int height)
    {
        Close(f, index, height);
        var body = new Body(f.Body.Parent, f.Frame, index + 1);
        f.ParentItem!.Children.Add(body);
        f.Body = body;
        f.Unreachable = false;
        f.Current = new Item(index + 1, f.Frame.Parameters.Length == 0);
        return f.Height + f.Frame.Parameters.Length;
    }

    /// <summary>The innermost frame ends: its body closes and its results are on the enclosing stack.</summary>
    private static int End(List<Open> frames, int index, int height)
    {
        var f = frames[^1];
        Close(f, index, height);
        frames.RemoveAt(frames.Count - 1);
        return f.Height + f.Frame.Results.Length;
    }

    /// <summary>Before instruction <paramref name="index"/> the frame's operand stack is empty: a statement starts here.</summary>
    private static void Boundary(Open f, int index)
    {
        var item = f.Current;
        if (index == item.Start)
        {
            item.IsStatement = true;
            return;
        }

        item.End = index;
        f.Body.Items.Add(item);
        f.Current = new Item(index, true);
    }

    /// <summary>The body ends at its else or end: the open item is a statement if it returns to an empty stack or ends in dead code.</summary>
    private static void Close(Open f, int index, int height)
    {
        var item = f.Current;
        item.End = index;
        item.FallsThrough = !f.Unreachable;
        item.IsStatement &= f.Unreachable || height == f.Height;
        if (item.End > item.Start)
        {
            f.Body.Items.Add(item);
        }
    }

    private (ValType[] Parameters, ValType[] Results) BlockSignature(BlockType blockType) => blockType.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [blockType.ValueType]),
        _ => ([.. _module.Types[blockType.TypeIndex].Parameters], [.. _module.Types[blockType.TypeIndex].Results]),
    };

    /// <summary>Operands popped and results pushed by a non-control instruction.</summary>
    private (int Pops, int Pushes) Effect(in Instruction ins)
    {
        switch (ins.Opcode)
        {
            case Opcode.Nop or Opcode.DataDrop or Opcode.ElemDrop:
                return (0, 0);
            case Opcode.Drop or Opcode.LocalSet or Opcode.GlobalSet:
                return (1, 0);
            case Opcode.Select or Opcode.SelectTyped:
                return (3, 1);
            case Opcode.LocalGet or Opcode.GlobalGet or Opcode.MemorySize or Opcode.TableSize or Opcode.RefNull or Opcode.RefFunc:
                return (0, 1);
            case Opcode.LocalTee or Opcode.TableGet or Opcode.MemoryGrow or Opcode.RefIsNull:
                return (1, 1);
            case Opcode.TableSet:
                return (2, 0);
            case Opcode.TableGrow:
                return (2, 1);
            case Opcode.MemoryInit or Opcode.MemoryCopy or Opcode.MemoryFill or Opcode.TableInit or Opcode.TableCopy or Opcode.TableFill:
                return (3, 0);
            case Opcode.Call:
                var callee = _module.FuncTypeOf(ins.Index);
                return (callee.Parameters.Count, callee.Results.Count);
            case Opcode.CallIndirect:
                var type = _module.Types[ins.Index];
                return (type.Parameters.Count + 1, type.Results.Count);
            default:
                if (!OpcodeInfo.TryGetSimpleSignature(ins.Opcode, out var pops, out var pushes))
                {
                    throw new InvalidOperationException($"region planner does not know the stack effect of {OpcodeInfo.Mnemonic(ins.Opcode)} at @0x{ins.Offset:X}");
                }

                return (pops.Length, pushes.Length);
        }
    }

    /// <summary>A block, loop or if body (or the function's), split into statements and other segments.</summary>
    private sealed class Body(Body? parent, RegionFrame frame, int start)
    {
        public Body? Parent { get; } = parent;

        public RegionFrame Frame { get; } = frame;

        public int Start { get; } = start;

        public List<Item> Items { get; } = [];
    }

    /// <summary>Instructions [Start, End) of a body; a statement starts and ends with the body's operand stack empty.</summary>
    private sealed class Item(int start, bool isStatement)
    {
        public int Start { get; } = start;

        public int End { get; set; }

        public bool IsStatement { get; set; } = isStatement;

        public bool FallsThrough { get; set; } = true;

        /// <summary>Bodies of the blocks, loops and ifs directly inside.</summary>
        public List<Body> Children { get; } = [];
    }

    /// <summary>A control frame during the pass.</summary>
    private sealed class Open(Body body, int height, Item? parentItem)
    {
        public Body Body { get; set; } = body;

        public RegionFrame Frame => Body.Frame;

        /// <summary>Operand stack height below the block's parameters.</summary>
        public int Height { get; } = height;

        /// <summary>The item of the enclosing body that contains this block (its else-body joins it too).</summary>
        public Item? ParentItem { get; } = parentItem;

        public Item Current { get; set; } = new(body.Start, body.Frame.Parameters.Length == 0);

        public bool Unreachable { get; set; }

        public int DeadDepth { get; set; }
    }
}
