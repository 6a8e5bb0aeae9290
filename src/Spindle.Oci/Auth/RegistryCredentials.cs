namespace Spindle.Oci.Auth;

/// <summary>A username and password (or token) for one registry. Never logged or printed.</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <summary>The Basic scheme's and config files' encoding: base64 of "user:password".</summary>
    public string ToBase64() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    /// <summary>Decodes base64 "user:password"; null when it is not that.</summary>
    public static RegistryCredentials? FromBase64(string encoded)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            return colon > 0 ? new RegistryCredentials(text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public override string ToString() => $"RegistryCredentials {{ Username = {Username}, Password = *** }}";
}
