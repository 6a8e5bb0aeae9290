using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>
/// The state of one WASI guest (arguments, environment, descriptors) and the <c>wasi_snapshot_preview1</c>
/// functions over it. The engine does not yet pass the calling instance to host functions, so the embedder sets
/// <see cref="Memory"/> right after instantiation:
/// <code>
/// using var wasi = new WasiContext(config);
/// wasi.DefineInto(linker);
/// var instance = linker.Instantiate(store, module);
/// wasi.Memory = instance.GetMemory("memory");
/// </code>
/// One context serves one instance at a time.
/// </summary>
public sealed partial class WasiContext : IDisposable
{
    /// <summary>The import module name of WASI preview 1.</summary>
    public const string ModuleName = "wasi_snapshot_preview1";

    private readonly FdTable _fds = new();
    private readonly byte[][] _args;
    private readonly byte[][] _environment;
    private readonly TimeProvider _time;

    public WasiContext(WasiConfiguration configuration)
    {
        _args = EncodeAll(configuration.Arguments);
        _environment = EncodeAll(configuration.Environment);
        _time = configuration.TimeProvider;
        _fds.Set(0, Stdio(configuration.Stdin, 0));
        _fds.Set(1, Stdio(configuration.Stdout, 1));
        _fds.Set(2, Stdio(configuration.Stderr, 2));
        foreach (var preopen in configuration.Preopens)
        {
            var host = Path.GetFullPath(preopen.HostPath).TrimEnd('/');
            if (!Directory.Exists(host))
            {
                throw new DirectoryNotFoundException($"preopened directory '{preopen.HostPath}' does not exist: pass an existing host directory");
            }

            var rights = preopen.ReadOnly ? RightSets.Directory & ~RightSets.Mutating : RightSets.Directory;
            var inheriting = RightSets.Directory | RightSets.RegularFile;
            _fds.Add(new DirectoryEntry(preopen, host.Length == 0 ? "/" : host, "", preopen.GuestPath)
            {
                Base = rights,
                Inheriting = preopen.ReadOnly ? inheriting & ~RightSets.Mutating : inheriting,
            });
        }
    }

    /// <summary>The guest's exported memory; set after instantiation. Until then every pointer is EFAULT.</summary>
    public Memory? Memory { get; set; }

    /// <summary>Defines every wasi_snapshot_preview1 function in <paramref name="linker"/>, bound to this context.</summary>
    public void DefineInto(Linker linker)
    {
        DefineArgs(linker);
        DefineClock(linker);
        DefineFd(linker);
        DefinePath(linker);
        DefinePoll(linker);
        DefineProc(linker);
        DefineRandom(linker);
        DefineSock(linker);
    }

    public void Dispose()
    {
        for (var fd = 0; fd < _fds.Count; fd++)
        {
            _fds.Remove(fd)?.Close();
        }
    }

    private static FdEntry Stdio(Stream? stream, int hostFd)
    {
        if (stream is not null)
        {
            return new StreamEntry(stream);
        }

        // The guest sees what the host fd really is: a terminal (character device, so wasi-libc's isatty is true),
        // a redirected file (seekable), or a pipe (unknown).
        var type = FileStatus.FromFd(hostFd, out var status) == 0 ? status.Type : FileType.Unknown;
        return type switch
        {
            FileType.RegularFile => new NativeEntry(hostFd, owned: false) { Type = type, Base = RightSets.RegularFile },
            FileType.CharacterDevice => new NativeEntry(hostFd, owned: false) { Type = type, Base = RightSets.Stdio },
            _ => new NativeEntry(hostFd, owned: false) { Type = FileType.Unknown, Base = RightSets.Stdio },
        };
    }

    private static byte[][] EncodeAll(IReadOnlyList<string> values)
    {
        var result = new byte[values.Count][];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = System.Text.Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }
}
