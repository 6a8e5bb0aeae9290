using System.Buffers;
using System.Text.Unicode;

namespace Spindle.Toml;

/// <summary>
/// Strict UTF-8 input: decodes into a pooled buffer (a manifest's text would otherwise be a large-object
/// string per parse) and reports the line and column of the first invalid byte. A BOM is kept as U+FEFF;
/// the parser skips one at the start of the document.
/// </summary>
internal static class TomlUtf8
{
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string? sourceName)
    {
        // UTF-8 never needs more UTF-16 code units than it has bytes.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                ThrowInvalid(utf8, read, chars.AsSpan(0, written), sourceName);
            }

            return TomlParser.Parse(chars.AsSpan(0, written), sourceName);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static TomlTable ParseFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = file.Length;
        if (length > Array.MaxLength)
        {
            throw new TomlException($"file is too large to be a TOML document ({length} bytes)", 1, 1, path);
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
        try
        {
            var total = 0;
            int count;
            while (total < bytes.Length && (count = file.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += count;
            }

            return Parse(bytes.AsSpan(0, total), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void ThrowInvalid(ReadOnlySpan<byte> utf8, int read, ReadOnlySpan<char> decoded, string? sourceName)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < decoded.Length; i++)
        {
            if (decoded[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, so a surrogate pair is one column.
        var column = decoded.Length - lineStart + 1;
        for (var i = lineStart; i < decoded.Length; i++)
        {
            if (char.IsLowSurrogate(decoded[i]))
            {
                column--;
            }
        }

        var bad = read < utf8.Length ? $"0x{utf8[read]:X2}" : "(truncated sequence)";
        throw new TomlException($"invalid UTF-8 byte {bad} at byte offset {read}: TOML documents must be valid UTF-8", line, column, sourceName);
    }
}
