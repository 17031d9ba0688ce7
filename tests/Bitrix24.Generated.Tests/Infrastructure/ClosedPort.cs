using System.Net;
using System.Net.Sockets;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>A loopback address nothing listens on, so a connection to it is refused.</summary>
public static class ClosedPort
{
    /// <summary>
    /// Binds a free port and releases it at once: the OS does not hand it out again right away, so a
    /// connection attempt is refused. A base address like <c>http://127.0.0.1:54321</c>.
    /// </summary>
    public static string BaseUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
