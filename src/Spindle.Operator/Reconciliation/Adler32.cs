namespace Spindle.Operator.Reconciliation;

/// <summary>Adler-32 (RFC 1950), as Go's hash/adler32: names runtime-config Secrets after their content.</summary>
internal static class Adler32
{
    private const uint Mod = 65521;

    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            // 5552 is the most bytes that cannot overflow b before the modulo.
            var chunk = data[..Math.Min(data.Length, 5552)];
            foreach (var value in chunk)
            {
                a += value;
                b += a;
            }

            a %= Mod;
            b %= Mod;
            data = data[chunk.Length..];
        }

        return (b << 16) | a;
    }
}
