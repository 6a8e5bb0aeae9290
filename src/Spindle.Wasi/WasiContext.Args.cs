using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>args_get, args_sizes_get, environ_get, environ_sizes_get.</summary>
public sealed partial class WasiContext
{
    private static void DefineArgs(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "args_get", static (w, argv, buffer) => w.GetStrings(w._args, argv, buffer));
        Def(linker, bound, "args_sizes_get", static (w, count, size) => w.GetSizes(w._args, count, size));
        Def(linker, bound, "environ_get", static (w, environ, buffer) => w.GetStrings(w._environment, environ, buffer));
        Def(linker, bound, "environ_sizes_get", static (w, count, size) => w.GetSizes(w._environment, count, size));
    }

    // Each string is written NUL-terminated into the buffer, and its address into the pointer array.
    private Errno GetStrings(byte[][] strings, int pointers, int buffer)
    {
        var offset = buffer;
        for (var i = 0; i < strings.Length; i++)
        {
            var value = strings[i];
            var target = Bytes(offset, value.Length + 1);
            value.CopyTo(target);
            target[value.Length] = 0;
            WriteU32(pointers + (i * 4), offset);
            offset += value.Length + 1;
        }

        return Errno.Success;
    }

    private Errno GetSizes(byte[][] strings, int countPointer, int sizePointer)
    {
        var size = 0;
        foreach (var value in strings)
        {
            size += value.Length + 1;
        }

        WriteU32(countPointer, strings.Length);
        WriteU32(sizePointer, size);
        return Errno.Success;
    }
}
