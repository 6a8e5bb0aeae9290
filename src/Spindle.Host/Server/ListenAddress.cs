using System.Globalization;
using System.Net;

namespace Spindle.Host.Server;

/// <summary>A <c>--listen</c> value: <c>host:port</c>, <c>[v6]:port</c>; <c>localhost</c> resolves to 127.0.0.1 as Spin prefers IPv4.</summary>
internal static class ListenAddress
{
    public static bool TryParse(string text, out IPEndPoint? endpoint, out string? error)
    {
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"invalid listen address '{text}': expected HOST:PORT, such as 127.0.0.1:3000";
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (!ushort.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            error = $"invalid listen address '{text}': the port '{text[(colon + 1)..]}' is not a number from 0 to 65535";
            return false;
        }

        IPAddress? address;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address))
        {
            try
            {
                var addresses = Dns.GetHostAddresses(host);
                address = Array.Find(addresses, a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            }
            catch (System.Net.Sockets.SocketException)
            {
                address = null;
            }

            if (address is null)
            {
                error = $"invalid listen address '{text}': cannot resolve host '{host}'";
                return false;
            }
        }

        endpoint = new IPEndPoint(address, port);
        error = null;
        return true;
    }

    /// <summary>How Spin shows the address in <c>Serving http://...</c>: IPv6 in brackets.</summary>
    public static string Format(IPEndPoint endpoint) => endpoint.ToString();
}
