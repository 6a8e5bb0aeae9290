using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// The caller's side of an outlined region: the call in place of the region's instructions, then the branch the region
// left by.
internal sealed partial class FunctionCompiler
{
    /// <summary>Calls a region's method in place of its instructions, then takes the branch it exited by.</summary>
    private void CallRegion(Region region)
    {
        Flush();
        if (_stack.Count != Top.Height)
        {
            throw new InvalidOperationException($"region at @0x{region.Start:X} does not start at an empty operand stack");
        }

        LoadContext();
        LoadDepth();
        for (var j = 0; j < region.Locals.Length; j++)
        {
            var index = region.Locals[j];
            if (!region.Written[j])
            {
                LoadLocal(index);
            }
            else if (_locals[index] is { } local)
            {
                // By address: copying through temporaries instead put ~10 local references per call site, which
                // pushed the calling method of a big dispatch loop over the JIT's 8,000-reference limit.
                _il.Emit(OpCodes.Ldloca, local);
            }
            else
            {
                _il.Emit(OpCodes.Ldarga, index);
            }
        }

        foreach (var (position, type) in region.Lanes)
        {
            _il.Emit(OpCodes.Ldloca, Temp(_laneTemps, position, type));
        }

        _il.Emit(OpCodes.Call, region.Method);
        for (var j = 0; j < region.Locals.Length; j++)
        {
            if (region.Written[j])
            {
                ForgetAliases(region.Locals[j]);
            }
        }

        // Like after any call: memory may have grown, and nothing is known about bounds any more.
        _safeEnds.Clear();
        _promoted = -1;
        ReloadMemory();
        EmitExitSwitch(region);
    }

    /// <summary>With the exit code on the IL stack: 0 continues after the region, e + 1 takes the region's exit e.</summary>
    private void EmitExitSwitch(Region region)
    {
        var exits = region.Exits;
        if (exits.Length == 0)
        {
            _il.Emit(OpCodes.Pop);
            Top.Unreachable |= !region.FallsThrough;
            return;
        }

        // Exits carrying no values jump straight to their target; the others go through a case pushing the values.
        var direct = new Label?[exits.Length];
        for (var e = 0; e < exits.Length; e++)
        {
            if (ExitTypes(region, e).Length == 0)
            {
                direct[e] = BranchLabel(_frames[^(exits[e] + 1)]);
            }
        }

        var next = _il.DefineLabel();
        if (exits.Length == 1 && !region.FallsThrough)
        {
            // The only way out: no test needed.
            _il.Emit(OpCodes.Pop);
            EmitExitCase(region, 0, null);
        }
        else if (exits.Length == 1 && direct[0] is { } target)
        {
            _il.Emit(OpCodes.Brtrue, target);
        }
        else if (exits.Length == 1)
        {
            _il.Emit(OpCodes.Brfalse, next);
            EmitExitCase(region, 0, null);
        }
        else
        {
            var table = new Label[exits.Length + 1];
            table[0] = next;
            for (var e = 0; e < exits.Length; e++)
            {
                table[e + 1] = direct[e] ?? _il.DefineLabel();
            }

            _il.Emit(OpCodes.Switch, table);
            _il.Emit(OpCodes.Br, next);
            for (var e = 0; e < exits.Length; e++)
            {
                if (direct[e] is null)
                {
                    EmitExitCase(region, e, table[e + 1]);
                }
            }
        }

        _il.MarkLabel(next);
        if (!region.FallsThrough)
        {
            // Code 0 never comes back: what follows the region in its block is dead.
            Top.Unreachable = true;
        }
    }

    private static ValType[] ExitTypes(Region region, int e) => region.ExitTypes[e];

    /// <summary>Pushes the values exit <paramref name="e"/> carries and takes its branch (or return).</summary>
    private void EmitExitCase(Region region, int e, Label? label)
    {
        if (label is { } mark)
        {
            _il.MarkLabel(mark);
        }

        var height = _stack.Count;
        var types = ExitTypes(region, e);
        for (var i = 0; i < types.Length; i++)
        {
            Load(Temp(_laneTemps, i, types[i]));
            PushResult(types[i]);
        }

        Branch(region.Exits[e]);
        ResetStack(height, []);
    }

    private LocalBuilder Temp(Dictionary<(int, ValType), LocalBuilder> temps, int position, ValType type)
    {
        if (!temps.TryGetValue((position, type), out var temp))
        {
            temp = DeclareLocal(Values.ClrType(type));
            temps[(position, type)] = temp;
        }

        return temp;
    }

    /// <summary>A region wrote the local: stack values read from it earlier no longer alias it (see StoreLocal).</summary>
    private void ForgetAliases(int index)
    {
        for (var i = 0; i < _info.Count; i++)
        {
            if (_info[i].Local == index)
            {
                _info[i] = _info[i] with { Local = -1 };
            }
        }
    }
}
