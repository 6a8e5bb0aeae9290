using System.Buffers;

namespace Spindle.Kubernetes;

/// <summary>Splits a watch stream into newline-delimited JSON documents without decoding to strings.</summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _start;
    private int _end;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>The next non-empty line (valid until the next call), or an empty memory at end of stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanned, _end - scanned);
            if (newline >= 0)
            {
                var end = newline > _start && _buffer[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                var line = new ReadOnlyMemory<byte>(_buffer, _start, end - _start);
                _start = newline + 1;
                if (line.IsEmpty)
                {
                    scanned = _start;
                    continue;
                }

                return line;
            }

            scanned = _end;
            if (_start > 0 && _end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                scanned -= _start;
                _end -= _start;
                _start = 0;
            }
            else if (_end == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                // A last document without a trailing newline still counts.
                if (_end > _start)
                {
                    var last = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                    _start = _end;
                    return last;
                }

                return ReadOnlyMemory<byte>.Empty;
            }

            _end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
