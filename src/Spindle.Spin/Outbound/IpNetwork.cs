using System.Net;

namespace Spindle.Spin.Outbound;

/// <summary>An IPv4 or IPv6 CIDR block; host bits are truncated as Spin's <c>IpNetwork::from_str_truncate</c> does.</summary>
internal sealed class IpNetwork
{
    private readonly byte[] _network;

    private IpNetwork(byte[] network, int prefixLength, System.Net.Sockets.AddressFamily family)
    {
        _network = network;
        PrefixLength = prefixLength;
        Family = family;
    }

    public int PrefixLength { get; }

    public System.Net.Sockets.AddressFamily Family { get; }

    public IPAddress Address => new(_network);

    public static bool TryParse(string text, out IpNetwork? network)
    {
        network = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return false;
        if (!IPAddress.TryParse(text.AsSpan(0, slash), out var address)) return false;
        if (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)) return false;
        var bytes = address.GetAddressBytes();
        if (prefix > bytes.Length * 8) return false;
        Mask(bytes, prefix);
        network = new IpNetwork(bytes, prefix, address.AddressFamily);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family) return false;
        var bytes = address.GetAddressBytes();
        Mask(bytes, PrefixLength);
        return bytes.AsSpan().SequenceEqual(_network);
    }

    public override string ToString() => $"{Address}/{PrefixLength}";

    private static void Mask(byte[] bytes, int prefix)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
    }
}
