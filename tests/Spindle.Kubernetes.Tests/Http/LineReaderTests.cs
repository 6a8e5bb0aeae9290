using System.Text;

namespace Spindle.Kubernetes.Tests.Http;

public sealed class LineReaderTests
{
    private static async Task<List<string>> ReadAllAsync(Stream stream)
    {
        using var reader = new LineReader(stream);
        var lines = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(CancellationToken.None);
            if (line.IsEmpty) return lines;
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }
    }

    [Fact]
    public async Task Lines_LargerThanTheBuffer_AndManySmallOnes_ComeBackWhole()
    {
        var big = "{\"data\":\"" + new string('x', 100_000) + "\"}";
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++) text.Append("{\"i\":").Append(i).Append("}\n");
        text.Append(big).Append('\n').Append("{\"last\":true}");

        var lines = await ReadAllAsync(new TrickleStream(Encoding.UTF8.GetBytes(text.ToString()), chunk: 1000));

        Assert.Equal(2002, lines.Count);
        Assert.Equal("{\"i\":1999}", lines[1999]);
        Assert.Equal(big, lines[2000]);
        Assert.Equal("{\"last\":true}", lines[2001]);
    }

    [Fact]
    public async Task BlankLinesAndCarriageReturns_AreSkipped()
    {
        var lines = await ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes("\n\r\n{\"a\":1}\r\n\n")));
        Assert.Equal(["{\"a\":1}"], lines);
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a network stream does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
