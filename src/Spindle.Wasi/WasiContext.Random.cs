using System.Security.Cryptography;
using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>random_get: cryptographically secure bytes, as the spec asks.</summary>
public sealed partial class WasiContext
{
    private static void DefineRandom(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "random_get", static (w, buffer, length) =>
        {
            RandomNumberGenerator.Fill(w.Bytes(buffer, length));
            return Errno.Success;
        });
    }
}
