using System.Text;
using Spindle.Host.Server;

namespace Spindle.Host.Up;

/// <summary>What <c>spin up</c> prints once serving (<c>crates/trigger-http/src/server.rs print_startup_msgs</c>).</summary>
internal static class StartupMessages
{
    /// <summary>
    /// <c>Serving http://127.0.0.1:3000</c>, <c>Available Routes:</c>, then per route in declaration order
    /// <c>  id: http://127.0.0.1:3000/path</c> (<c> (wildcard)</c> for <c>/...</c>) and the component description indented.
    /// </summary>
    public static string Format(SpinApplication app, string baseUrl)
    {
        var text = new StringBuilder();
        text.Append("Serving ").Append(baseUrl).Append('\n');
        text.Append("Available Routes:\n");
        foreach (var route in app.Router.Routes)
        {
            text.Append("  ").Append(route.Key.Id).Append(": ").Append(baseUrl).Append(route).Append('\n');
            if (!route.Key.IsTrigger && app.Descriptions.TryGetValue(route.Key.Id, out var description))
            {
                text.Append("    ").Append(description).Append('\n');
            }
        }

        return text.ToString();
    }
}
