using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>
/// The state of one WASI guest (arguments, environment, descriptors) and the <c>wasi_snapshot_preview1</c>
/// functions over it. Define the functions once per engine and give each store its context as
/// <see cref="Store.Data"/>; the functions find it, and the guest's exported "memory", through the engine's
/// <see cref="Caller"/>:
/// <code>
/// WasiContext.Define(linker);                       // once
/// using var store = new Store(engine) { Data = wasi }; // per instance
/// var instance = linker.Instantiate(store, module);
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
    private readonly CancellationToken _interruption;

    public WasiContext(WasiConfiguration configuration)
    {
        _args = EncodeAll(configuration.Arguments);
        _environment = EncodeAll(configuration.Environment);
        _time = configuration.TimeProvider;
        _interruption = configuration.Interruption;
        _fds.Set(0, Stdio(configuration.Stdin, 0));
        _fds.Set(1, Stdio(configuration.Stdout, 1));
        _fds.Set(2, Stdio(configuration.Stderr, 2));
        foreach (var preopen in configuration.Preopens)
        {
            var rights = preopen.ReadOnly ? RightSets.Directory & ~RightSets.Mutating : RightSets.Directory;
            var inheriting = RightSets.Directory | RightSets.RegularFile;
            PreopenRoot root;
            try
            {
                root = PreopenRoot.Open(preopen);
            }
            catch
            {
                Dispose();
                throw;
            }

            var entry = DirectoryEntry.ForPreopen(root);
            entry.Base = rights;
            entry.Inheriting = preopen.ReadOnly ? inheriting & ~RightSets.Mutating : inheriting;
            _fds.Add(entry);
        }
    }

    /// <summary>
    /// The guest memory pointers refer to: set to the calling instance's exported "memory" at every call (an
    /// embedder may set it for a guest without that export). While null every pointer is EFAULT.
    /// </summary>
    public Memory? Memory { get; set; }

    /// <summary>
    /// Defines every wasi_snapshot_preview1 function in <paramref name="linker"/>, serving any instance whose store's
    /// <see cref="Store.Data"/> is its <see cref="WasiContext"/>. Do this once per engine; the linker can then be shared.
    /// </summary>
    public static void Define(Linker linker) => DefineAll(linker, null);

    /// <summary>Defines every wasi_snapshot_preview1 function in <paramref name="linker"/>, bound to this context (whatever the store's data).</summary>
    public void DefineInto(Linker linker) => DefineAll(linker, this);

    private static void DefineAll(Linker linker, WasiContext? bound)
    {
        DefineArgs(linker, bound);
        DefineClock(linker, bound);
        DefineFd(linker, bound);
        DefinePath(linker, bound);
        DefinePoll(linker, bound);
        DefineProc(linker, bound);
        DefineRandom(linker, bound);
        DefineSock(linker, bound);
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
