using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>sock_accept, sock_recv, sock_send, sock_shutdown: no sockets are ever preopened, so an open fd is ENOTSOCK.</summary>
public sealed partial class WasiContext
{
    private static void DefineSock(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "sock_accept", static (w, fd, flags, result) => w.NotASocket(fd));
        Def(linker, bound, "sock_recv", static (w, fd, data, count, flags, length, outFlags) => w.NotASocket(fd));
        Def(linker, bound, "sock_send", static (w, fd, data, count, flags, length) => w.NotASocket(fd));
        Def(linker, bound, "sock_shutdown", static (w, fd, how) => w.NotASocket(fd));
    }

    private Errno NotASocket(int fd) => _fds.Get(fd) is null ? Errno.Badf : Errno.NotSock;
}
