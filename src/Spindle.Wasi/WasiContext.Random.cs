using System.Security.Cryptography;
using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>random_get: cryptographically secure bytes, as the spec asks.</summary>
public sealed partial class WasiContext
{
    private void DefineRandom(Linker linker)
    {
        Def(linker, "random_get", (buffer, length) =>
        {
            RandomNumberGenerator.Fill(Bytes(buffer, length));
            return Errno.Success;
        });
    }
}
