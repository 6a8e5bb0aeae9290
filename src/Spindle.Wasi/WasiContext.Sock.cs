using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>sock_accept, sock_recv, sock_send, sock_shutdown: no sockets are ever preopened, so an open fd is ENOTSOCK.</summary>
public sealed partial class WasiContext
{
    private void DefineSock(Linker linker)
    {
        Def(linker, "sock_accept", (fd, flags, result) => NotASocket(fd));
        Def(linker, "sock_recv", (fd, data, count, flags, length, outFlags) => NotASocket(fd));
        Def(linker, "sock_send", (fd, data, count, flags, length) => NotASocket(fd));
        Def(linker, "sock_shutdown", (fd, how) => NotASocket(fd));
    }

    private Errno NotASocket(int fd) => _fds.Get(fd) is null ? Errno.Badf : Errno.NotSock;
}
