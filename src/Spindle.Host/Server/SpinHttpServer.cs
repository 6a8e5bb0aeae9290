using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Spindle.Host.Server;

/// <summary>Serves a <see cref="SpinApplication"/> over Kestrel (HTTP/1.1 and HTTP/2 cleartext) until stopped.</summary>
internal sealed class SpinHttpServer : IAsyncDisposable
{
    private readonly SpinApplication _app;
    private readonly SpinHostOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private WebApplication? _web;
    private RequestPipeline? _pipeline;

    public SpinHttpServer(SpinApplication app, SpinHostOptions options, ILoggerFactory loggerFactory)
    {
        _app = app;
        _options = options;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The bound address, e.g. <c>127.0.0.1:3000</c> (the real port when 0 was asked for).</summary>
    public IPEndPoint? BoundEndpoint { get; private set; }

    /// <summary><c>http://127.0.0.1:3000</c>.</summary>
    public string BaseUrl => "http://" + BoundEndpoint;

    /// <summary>Binds and starts serving. Throws <see cref="SpinHostException"/> with Spin's message when the address is in use.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ListenAddress.TryParse(_options.ListenAddress, out var endpoint, out var error))
        {
            throw new SpinHostException(error!);
        }

        var attempts = _options.FindFreePort && endpoint!.Port != 0 ? 10 : 1;
        for (var attempt = 0; ; attempt++)
        {
            var candidate = new IPEndPoint(endpoint!.Address, endpoint.Port == 0 ? 0 : endpoint.Port + attempt);
            try
            {
                await StartOnAsync(candidate, cancellationToken);
                return;
            }
            catch (Exception e) when (IsAddressInUse(e))
            {
                await DisposeWebAsync();
                if (attempt + 1 >= attempts)
                {
                    throw new SpinHostException(attempts > 1
                        ? $"Couldn't find a free port in the range {endpoint.Port}-{endpoint.Port + attempts - 1}. Please specify a different address with --listen."
                        : $"{_options.ListenAddress} is already in use. To have Spin search for a free port, use the --find-free-port option.", e);
                }
            }
        }
    }

    /// <summary>Stops accepting connections and waits (up to the shutdown timeout) for in-flight requests.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_web is not null)
        {
            await _web.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeWebAsync();
    }

    private async Task StartOnAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = _options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Header bytes pass through as UTF-8 (hyper's view); Spin's rules then decide what is a valid value.
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            kestrel.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            kestrel.Listen(endpoint);
        });
        var web = builder.Build();
        var pipeline = new RequestPipeline(_app, _options, _loggerFactory.CreateLogger("Spindle.Host"));
        web.Run(pipeline.HandleAsync);
        _web = web;
        _pipeline = pipeline;
        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        BoundEndpoint = new IPEndPoint(endpoint.Address, uri.Port);
    }

    private async Task DisposeWebAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
            _web = null;
        }

        _pipeline?.Dispose();
        _pipeline = null;
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressInUseException ||
                inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
