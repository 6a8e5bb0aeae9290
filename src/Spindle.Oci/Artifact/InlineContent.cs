namespace Spindle.Oci.Artifact;

/// <summary>
/// The locked app's <c>inline</c> content encoding: standard base64 WITHOUT padding (spin_serde::base64 uses
/// BASE64_STANDARD_NO_PAD, whose decoder rejects padding). Decoding here accepts both.
/// </summary>
internal static class InlineContent
{
    public static string Encode(ReadOnlySpan<byte> content) => Convert.ToBase64String(content).TrimEnd('=');

    public static byte[] Decode(string encoded)
    {
        var padded = encoded.TrimEnd('=');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
