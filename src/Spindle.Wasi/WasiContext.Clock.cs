using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>clock_res_get, clock_time_get: realtime and monotonic from the TimeProvider, CPU clocks from the host.</summary>
public sealed partial class WasiContext
{
    private static void DefineClock(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "clock_res_get", static (w, id, pointer) => w.ClockResGet(id, pointer));
        linker.DefineFunction(ModuleName, "clock_time_get", (Caller caller, int id, long precision, int pointer) =>
        {
            var w = Enter(caller, bound);
            try
            {
                return (int)w.ClockTimeGet(id, pointer);
            }
            catch (WasiErrnoException e)
            {
                return (int)e.Errno;
            }
        });
    }

    private Errno ClockResGet(int id, int pointer)
    {
        long resolution;
        switch (id)
        {
            case WasiConstants.ClockRealtime:
                resolution = 100; // TimeProvider's UTC clock counts 100 ns ticks.
                break;
            case WasiConstants.ClockMonotonic:
                resolution = Math.Max(1, 1_000_000_000L / _time.TimestampFrequency);
                break;
            case WasiConstants.ClockProcessCpu or WasiConstants.ClockThreadCpu:
                if (!TryNativeClock(id, resolution: true, out resolution))
                {
                    return Errno.Inval;
                }

                break;
            default:
                return Errno.Inval;
        }

        WriteU64(pointer, resolution);
        return Errno.Success;
    }

    private Errno ClockTimeGet(int id, int pointer)
    {
        if (!TryNow(id, out var now))
        {
            return Errno.Inval;
        }

        WriteU64(pointer, now);
        return Errno.Success;
    }

    /// <summary>The current time of a WASI clock in nanoseconds.</summary>
    private bool TryNow(int id, out long nanoseconds)
    {
        switch (id)
        {
            case WasiConstants.ClockRealtime:
                nanoseconds = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
                return true;
            case WasiConstants.ClockMonotonic:
                nanoseconds = MonotonicNow();
                return true;
            case WasiConstants.ClockProcessCpu or WasiConstants.ClockThreadCpu:
                return TryNativeClock(id, resolution: false, out nanoseconds);
            default:
                nanoseconds = 0;
                return false;
        }
    }

    private long MonotonicNow() => (long)(_time.GetTimestamp() * (1_000_000_000.0 / _time.TimestampFrequency));

    // Linux's CLOCK_PROCESS_CPUTIME_ID (2) and CLOCK_THREAD_CPUTIME_ID (3) have WASI's numbers.
    private static unsafe bool TryNativeClock(int id, bool resolution, out long nanoseconds)
    {
        var timespec = stackalloc long[2];
        var result = resolution ? Libc.ClockGetRes(id, timespec) : Libc.ClockGetTime(id, timespec);
        nanoseconds = result == 0 ? (timespec[0] * 1_000_000_000L) + timespec[1] : 0;
        return result == 0;
    }
}
