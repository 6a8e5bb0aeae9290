using System.Globalization;
using System.Net;

namespace Spindle.Operator.Hosting;

/// <summary>Go-style listen addresses: <c>:8082</c> (all interfaces), <c>127.0.0.1:0</c>, <c>[::1]:9443</c>; "0" means off.</summary>
internal static class BindAddress
{
    public static IPEndPoint? Parse(string address, string flag)
    {
        if (address is "0" or "") return null;
        var colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException($"{flag}: '{address}' is not an address: use host:port or :port (\"0\" disables it)");
        }

        var host = address[..colon].Trim('[', ']');
        if (host.Length == 0) return new IPEndPoint(IPAddress.IPv6Any, port);
        if (host == "localhost") return new IPEndPoint(IPAddress.Loopback, port);
        if (!IPAddress.TryParse(host, out var ip)) throw new ArgumentException($"{flag}: '{host}' is not an IP address: use an IP or leave it empty for all interfaces");
        return new IPEndPoint(ip, port);
    }
}
