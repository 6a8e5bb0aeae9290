using System.Buffers.Binary;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>
/// poll_oneoff: regular files, directories and embedder streams are always ready (they never block, as wasmtime
/// treats files); inherited stdio (terminals, pipes) waits in poll(2); clocks wait on the TimeProvider.
/// </summary>
public sealed partial class WasiContext
{
    private static void DefinePoll(Linker linker, WasiContext? bound) => Def(linker, bound, "poll_oneoff", static (w, subscriptions, events, count, neventsPointer) => w.PollOneoff(subscriptions, events, count, neventsPointer));

    private Errno PollOneoff(int subscriptions, int events, int count, int neventsPointer)
    {
        if (count <= 0)
        {
            return Errno.Inval;
        }

        if (count > int.MaxValue / WasiConstants.SizeOfSubscription)
        {
            return Errno.Fault;
        }

        var input = Bytes(subscriptions, count * WasiConstants.SizeOfSubscription);
        var output = Bytes(events, count * WasiConstants.SizeOfEvent);
        _ = Bytes(neventsPointer, 4);
        var written = 0;
        long? wait = null;
        List<(int Index, int HostFd, byte Tag)>? waiting = null;
        var start = MonotonicNow();

        // Relative timeouts as of the call (absolute ones converted once), -1 for other subscriptions.
        var timeouts = new long[count];

        // First pass: fd subscriptions and invalid clocks complete at once; find the earliest clock deadline.
        for (var i = 0; i < count; i++)
        {
            var sub = input.Slice(i * WasiConstants.SizeOfSubscription, WasiConstants.SizeOfSubscription);
            var userdata = BinaryPrimitives.ReadUInt64LittleEndian(sub);
            var tag = sub[8];
            timeouts[i] = -1;
            if (tag == WasiConstants.EventClock)
            {
                if (!TryTimeout(sub, out var timeout))
                {
                    WriteEvent(output, ref written, userdata, Errno.Inval, tag, 0);
                    continue;
                }

                timeouts[i] = timeout;
                wait = wait is null ? timeout : Math.Min(wait.Value, timeout);
            }
            else if (tag is WasiConstants.EventFdRead or WasiConstants.EventFdWrite)
            {
                var fd = BinaryPrimitives.ReadInt32LittleEndian(sub[16..]);
                var entry = _fds.Get(fd);
                if (entry is NativeEntry { Type: not FileType.RegularFile } native && entry.Has(Rights.PollFdReadwrite))
                {
                    (waiting ??= []).Add((i, native.NativeFd, tag));
                    continue;
                }

                var error = entry is null ? Errno.Badf : entry.Has(Rights.PollFdReadwrite) ? Errno.Success : Errno.Badf;
                WriteEvent(output, ref written, userdata, error, tag, error == Errno.Success && tag == WasiConstants.EventFdRead ? Readable(entry!) : 0);
            }
            else
            {
                return Errno.Inval;
            }
        }

        if (waiting is not null)
        {
            // Already-complete events mean no waiting: poll(2) only collects what is ready now.
            var timeout = written > 0 ? 0 : wait is null ? -1 : (int)Math.Min(int.MaxValue, (wait.Value + 999_999) / 1_000_000);
            var error = WaitNative(waiting, timeout, input, output, ref written);
            if (error != Errno.Success)
            {
                return error;
            }
        }
        else if (written == 0 && wait is > 0)
        {
            SleepInterruptibly(TimeSpan.FromTicks(Math.Max(1, wait.Value / 100)));
        }

        // Second pass: clocks whose deadline has passed. When nothing else completed the wait was for the earliest
        // clock, which fires even if the timer woke a little early.
        var elapsed = MonotonicNow() - start;
        if (written == 0 && wait is not null)
        {
            elapsed = Math.Max(elapsed, wait.Value);
        }

        for (var i = 0; i < count; i++)
        {
            if (timeouts[i] >= 0 && timeouts[i] <= elapsed)
            {
                var userdata = BinaryPrimitives.ReadUInt64LittleEndian(input[(i * WasiConstants.SizeOfSubscription)..]);
                WriteEvent(output, ref written, userdata, Errno.Success, WasiConstants.EventClock, 0);
            }
        }

        WriteU32(neventsPointer, written);
        return Errno.Success;
    }

    private static unsafe Errno WaitNative(List<(int Index, int HostFd, byte Tag)> waiting, int timeout, ReadOnlySpan<byte> input, Span<byte> output, ref int written)
    {
        var fds = new long[waiting.Count];
        for (var i = 0; i < waiting.Count; i++)
        {
            var events = waiting[i].Tag == WasiConstants.EventFdRead ? Libc.PollIn : Libc.PollOut;
            fds[i] = (uint)waiting[i].HostFd | ((long)(ushort)events << 32);
        }

        int ready;
        fixed (long* p = fds)
        {
            while ((ready = Libc.Poll(p, (nuint)fds.Length, timeout)) < 0 && Libc.Errno == 4)
            {
                // EINTR: poll again.
            }
        }

        if (ready < 0)
        {
            return HostErrno.Last();
        }

        for (var i = 0; i < waiting.Count; i++)
        {
            var revents = (short)(fds[i] >> 48);
            if (revents == 0)
            {
                continue;
            }

            var sub = input.Slice(waiting[i].Index * WasiConstants.SizeOfSubscription, WasiConstants.SizeOfSubscription);
            var error = (revents & Libc.PollNval) != 0 ? Errno.Badf : Errno.Success;
            WriteEvent(output, ref written, BinaryPrimitives.ReadUInt64LittleEndian(sub), error, waiting[i].Tag, 0);
            if ((revents & Libc.PollHup) != 0)
            {
                // eventrwflags.fd_readwrite_hangup
                BinaryPrimitives.WriteUInt16LittleEndian(output[(((written - 1) * WasiConstants.SizeOfEvent) + 24)..], 1);
            }
        }

        return Errno.Success;
    }

    /// <summary>The relative timeout of a clock subscription in nanoseconds (absolute ones are made relative).</summary>
    private bool TryTimeout(ReadOnlySpan<byte> subscription, out long timeout)
    {
        var id = BinaryPrimitives.ReadInt32LittleEndian(subscription[16..]);
        timeout = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(subscription[24..]), long.MaxValue);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(subscription[40..]);
        if (!TryNow(id, out var now))
        {
            return false;
        }

        if ((flags & WasiConstants.SubclockAbstime) != 0)
        {
            timeout = Math.Max(0, timeout - now);
        }

        return true;
    }

    private static long Readable(FdEntry entry)
    {
        if (entry is NativeEntry { Type: FileType.RegularFile } native && FileStatus.FromFd(native.NativeFd, out var status) == 0)
        {
            var position = Libc.LSeek(native.NativeFd, 0, WasiConstants.WhenceCur);
            return position < 0 ? 0 : Math.Max(0, (long)status.Size - position);
        }

        return entry is StreamEntry { Stream.CanSeek: true } stream ? Math.Max(0, stream.Stream.Length - stream.Stream.Position) : 0;
    }

    private static void WriteEvent(Span<byte> output, ref int written, ulong userdata, Errno error, byte type, long nbytes)
    {
        var e = output.Slice(written * WasiConstants.SizeOfEvent, WasiConstants.SizeOfEvent);
        e.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(e, userdata);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)error);
        e[10] = type;
        BinaryPrimitives.WriteInt64LittleEndian(e[16..], nbytes);
        written++;
    }

    private void SleepInterruptibly(TimeSpan duration)
    {
        try
        {
            Task.Delay(duration, _time, _interruption).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_interruption.IsCancellationRequested)
        {
            throw new TrapException(TrapKind.Interrupted, TrapException.MessageFor(TrapKind.Interrupted));
        }
    }
}
