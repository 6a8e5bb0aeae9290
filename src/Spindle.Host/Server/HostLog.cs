using Microsoft.Extensions.Logging;

namespace Spindle.Host.Server;

/// <summary>The host's log messages (Spin's wording where Spin logs the same event).</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Error, "Error processing request for component {Component}: {Message}")]
    public static partial void ExecutionFailed(ILogger logger, string component, string message);

    [LoggerMessage(2, LogLevel.Error, "Error processing request for component {Component}: wasm trap: {Message}\n{WasmStack}")]
    public static partial void Trapped(ILogger logger, string component, string message, string wasmStack);

    [LoggerMessage(3, LogLevel.Error, "Error processing request for component {Component}: the request timed out after {Timeout} and was interrupted")]
    public static partial void TimedOut(ILogger logger, string component, TimeSpan? timeout);

    [LoggerMessage(4, LogLevel.Warning, "Request to {Route} matched no pattern, and received a generic 404 response. To serve a more informative 404 page, add a catch-all (/...) route.")]
    public static partial void NoRoute(ILogger logger, string route);

    [LoggerMessage(5, LogLevel.Warning, "Request queue full ({Queued} waiting): answered 503")]
    public static partial void QueueFull(ILogger logger, int queued);

    [LoggerMessage(6, LogLevel.Error, "Error processing request for component {Component}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string component);

    [LoggerMessage(7, LogLevel.Error, "Error processing request {Method} {Path}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string? path);

    [LoggerMessage(8, LogLevel.Warning, "Request to component {Component} was interrupted because the client disconnected")]
    public static partial void ClientAborted(ILogger logger, string component);
}
