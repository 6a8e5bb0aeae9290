namespace Spindle.Host.Wagi;

/// <summary>
/// A guest's stdout kept in memory up to <see cref="Limit"/> bytes: a write past it fails (the guest sees EIO) and
/// marks the stream <see cref="Exceeded"/>, so one request cannot make the host buffer without bound.
/// </summary>
internal sealed class BoundedOutputStream(long limit) : Stream
{
    private readonly MemoryStream _buffer = new();

    public long Limit { get; } = limit;

    public bool Exceeded { get; private set; }

    /// <summary>Everything written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer.Length + buffer.Length > Limit)
        {
            Exceeded = true;
            throw new IOException($"output exceeds the limit of {Limit} bytes");
        }

        _buffer.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
