using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spindle.Kubernetes;
using Spindle.Kubernetes.LeaderElection;
using Spindle.Kubernetes.Models.Admission;
using Spindle.Operator.Admission;
using Spindle.Operator.Api;
using Spindle.Operator.Controllers;

namespace Spindle.Operator.Hosting;

/// <summary>
/// The manager: health probes, metrics and (optionally) admission webhooks on Kestrel, and the controllers of both
/// API groups, under leader election when asked. Disposing stops everything.
/// </summary>
internal sealed partial class OperatorHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<WebApplication> _servers = [];
    private readonly List<GroupController> _controllers = [];
    private readonly ILogger _logger;

    private OperatorHost(ILogger logger) => _logger = logger;

    public int? HealthPort { get; private set; }

    public int? MetricsPort { get; private set; }

    public int? WebhookPort { get; private set; }

    internal OperatorMetrics Metrics { get; } = new();

    /// <summary>Completes when the controllers stop: on dispose, or when leadership is lost.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static async Task<OperatorHost> StartAsync(KubernetesClient client, OperatorOptions options, CancellationToken cancellationToken)
    {
        var host = new OperatorHost(client.LoggerFactory.CreateLogger<OperatorHost>());
        try
        {
            await host.StartServersAsync(client, options, cancellationToken);
            host.Completion = options.RunControllers ? host.RunControllersAsync(client, options) : Task.CompletedTask;
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync(KubernetesClient client, OperatorOptions options, CancellationToken cancellationToken)
    {
        if (BindAddress.Parse(options.HealthProbeBindAddress, "--health-probe-bind-address") is { } health)
        {
            var app = Server(health, null, http2: false);
            app.MapGet("/healthz", () => "ok");
            app.MapGet("/readyz", () => "ok");
            HealthPort = await StartAsync(app, cancellationToken);
        }

        if (BindAddress.Parse(options.MetricsBindAddress, "--metrics-bind-address") is { } metricsEndpoint)
        {
            var authorizer = options.MetricsSecure ? new MetricsAuthorizer(client) : null;
            var app = Server(metricsEndpoint, options.MetricsSecure ? ServingCertificate.SelfSigned("spindle-operator-metrics") : null, options.EnableHttp2);
            app.MapGet("/metrics", async context =>
            {
                if (authorizer is not null)
                {
                    var (status, message) = await authorizer.AuthorizeAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, context.RequestAborted);
                    if (status != 200)
                    {
                        context.Response.StatusCode = status;
                        await context.Response.WriteAsync(message, context.RequestAborted);
                        return;
                    }
                }

                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await context.Response.WriteAsync(Metrics.Render(), context.RequestAborted);
            });
            MetricsPort = await StartAsync(app, cancellationToken);
        }

        if (options.EnableWebhooks && BindAddress.Parse(options.WebhookBindAddress, "--webhook-bind-address") is { } webhookEndpoint)
        {
            var certificate = options.WebhookCertificate is { } fixedCertificate
                ? ServingCertificate.Fixed(fixedCertificate)
                : ServingCertificate.FromDirectory(options.WebhookCertDir);
            var app = Server(webhookEndpoint, certificate, options.EnableHttp2);
            var handler = new AdmissionHandler(new ClusterExecutorLookup(new OperatorResources(client)));
            foreach (var kind in new[] { "SpinApp", "SpinAppExecutor" })
            {
                foreach (var group in SpinKube.Groups)
                {
                    app.MapPost(WebhookPaths.For(true, group, kind), context => ServeAdmissionAsync(context, handler, mutate: true));
                    app.MapPost(WebhookPaths.For(false, group, kind), context => ServeAdmissionAsync(context, handler, mutate: false));
                }
            }

            WebhookPort = await StartAsync(app, cancellationToken);
        }
    }

    private async Task ServeAdmissionAsync(HttpContext context, AdmissionHandler handler, bool mutate)
    {
        AdmissionReview? review = null;
        AdmissionResponse response;
        try
        {
            review = await JsonSerializer.DeserializeAsync(context.Request.Body, OperatorJsonContext.Default.AdmissionReview, context.RequestAborted);
            if (review is null) throw new AdmissionException("the request body is not an AdmissionReview");
            response = await handler.HandleAsync(review, mutate, context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or AdmissionException or KubernetesApiException or HttpRequestException)
        {
            Log.AdmissionFailed(_logger, context.Request.Path, e);
            response = AdmissionHandler.Error(review?.Request?.Uid ?? "", e.Message);
        }

        context.Response.ContentType = "application/json";
        var answer = new AdmissionReview { ApiVersion = review?.ApiVersion ?? "admission.k8s.io/v1", Response = response };
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, OperatorJsonContext.Default.AdmissionReview, context.RequestAborted);
    }

    private async Task RunControllersAsync(KubernetesClient client, OperatorOptions options)
    {
        var resources = new OperatorResources(client);
        string? bundle = null;
        string CaBundle()
        {
            if (bundle is not null) return bundle;
            if (!File.Exists(options.CaBundleFile)) Log.NoCaBundle(_logger, options.CaBundleFile);
            return bundle = File.Exists(options.CaBundleFile) ? File.ReadAllText(options.CaBundleFile) : "";
        }

        foreach (var group in SpinKube.Groups) _controllers.Add(new GroupController(resources, group, CaBundle, Metrics));

        Task RunAll(CancellationToken token) => Task.WhenAll(_controllers.Select(c => c.RunAsync(token)));
        await Task.Yield();
        try
        {
            if (!options.LeaderElect)
            {
                await RunAll(_stop.Token);
                return;
            }

            var elector = new LeaderElector(client, new LeaderElectionOptions
            {
                LeaseName = options.LeaderElectionId,
                Namespace = options.LeaderElectionNamespace ?? client.DefaultNamespace,
                Identity = Environment.MachineName + "_" + Guid.NewGuid().ToString("N"),
            });
            await elector.RunAsync(RunAll, _stop.Token);
            if (!_stop.IsCancellationRequested) Log.LeadershipLost(_logger, options.LeaderElectionId);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private static WebApplication Server(IPEndPoint endpoint, ServingCertificate? certificate, bool http2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Configure(ListenOptions listen)
            {
                listen.Protocols = http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                if (certificate is not null) listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Current());
            }

            if (endpoint.Address.Equals(IPAddress.IPv6Any)) kestrel.ListenAnyIP(endpoint.Port, Configure);
            else kestrel.Listen(endpoint, Configure);
        });
        return builder.Build();
    }

    private async Task<int> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        _servers.Add(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Completion;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.ControllersFailed(_logger, e);
        }

        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }

        foreach (var controller in _controllers) controller.Dispose();
        _stop.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Admission request to {Path} failed")]
        public static partial void AdmissionFailed(ILogger logger, string path, Exception exception);

        [LoggerMessage(2, LogLevel.Error, "Lost the leader election lease {Lease}: stopping")]
        public static partial void LeadershipLost(ILogger logger, string lease);

        [LoggerMessage(4, LogLevel.Warning, "CA bundle {File} not found: spin-ca Secrets get an empty bundle; set --ca-bundle-file")]
        public static partial void NoCaBundle(ILogger logger, string file);

        [LoggerMessage(3, LogLevel.Error, "The controllers stopped with an error")]
        public static partial void ControllersFailed(ILogger logger, Exception exception);
    }
}
