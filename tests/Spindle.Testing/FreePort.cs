using System.Net;
using System.Net.Sockets;

namespace Spindle.Testing;

/// <summary>Free loopback ports for servers that cannot bind port 0 themselves (docker-registry, for one).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
