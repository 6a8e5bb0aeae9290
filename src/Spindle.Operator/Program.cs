using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Config;
using Spindle.Operator.Crds;
using Spindle.Operator.Hosting;

namespace Spindle.Operator;

/// <summary>
/// spindle-operator: the manager, with spin-operator's flags (<c>--metrics-bind-address</c>,
/// <c>--health-probe-bind-address</c>, <c>--leader-elect</c>, <c>--enable-webhooks</c>, ...), and
/// <c>generate crds</c>, which writes deploy/crds from the C# types.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => Create().Parse(args).InvokeAsync();

    internal static RootCommand Create()
    {
        var metrics = new Option<string>("--metrics-bind-address") { Description = "The address the metrics endpoint binds to (\"0\" disables it).", DefaultValueFactory = _ => ":8080" };
        var probes = new Option<string>("--health-probe-bind-address") { Description = "The address the probe endpoint binds to.", DefaultValueFactory = _ => ":8082" };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Enable leader election, ensuring only one active controller manager." };
        var webhooks = new Option<bool>("--enable-webhooks") { Description = "Serve the admission webhooks (needs certificates in --webhook-cert-dir)." };
        var metricsSecure = new Option<bool>("--metrics-secure")
        {
            Description = "Serve metrics over HTTPS, authenticated and authorized by the API server.", DefaultValueFactory = _ => true,
        };
        var http2 = new Option<bool>("--enable-http2") { Description = "Enable HTTP/2 for the metrics and webhook servers." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (else KUBECONFIG, ~/.kube/config, in-cluster)." };
        var certDir = new Option<string>("--webhook-cert-dir")
        {
            Description = "Directory holding the webhook server's tls.crt and tls.key.", DefaultValueFactory = _ => "/tmp/k8s-webhook-server/serving-certs",
        };
        var webhookAddress = new Option<string>("--webhook-bind-address") { Description = "The address the webhook server binds to.", DefaultValueFactory = _ => ":9443" };
        var caBundle = new Option<string>("--ca-bundle-file")
        {
            Description = "CA bundle copied into spin-ca Secrets for executors with installDefaultCACerts.", DefaultValueFactory = _ => "/etc/ssl/certs/ca-certificates.crt",
        };
        var leaseNamespace = new Option<string?>("--leader-election-namespace") { Description = "Namespace of the leader election Lease (default: the operator's)." };
        var logLevel = new Option<string>("--zap-log-level") { Description = "Log level: debug, info or error.", DefaultValueFactory = _ => "info" };

        var root = new RootCommand("Spindle's Spin Operator: reconciles SpinApps and SpinAppExecutors (core.spinkube.dev, core.spinoperator.dev).");
        foreach (Option option in new Option[] { metrics, probes, leaderElect, webhooks, metricsSecure, http2, kubeconfig, certDir, webhookAddress, caBundle, leaseNamespace, logLevel })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            using var loggers = LoggerFactory.Create(logging => logging
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                    console.UseUtcTimestamp = true;
                })
                .SetMinimumLevel(parse.GetValue(logLevel) switch { "debug" => LogLevel.Debug, "error" => LogLevel.Error, _ => LogLevel.Information }));
            var options = new OperatorOptions
            {
                MetricsBindAddress = parse.GetValue(metrics)!,
                HealthProbeBindAddress = parse.GetValue(probes)!,
                LeaderElect = parse.GetValue(leaderElect),
                EnableWebhooks = parse.GetValue(webhooks),
                MetricsSecure = parse.GetValue(metricsSecure),
                EnableHttp2 = parse.GetValue(http2),
                WebhookCertDir = parse.GetValue(certDir)!,
                WebhookBindAddress = parse.GetValue(webhookAddress)!,
                CaBundleFile = parse.GetValue(caBundle)!,
                LeaderElectionNamespace = parse.GetValue(leaseNamespace),
            };

            try
            {
                using var client = new KubernetesClient(KubeConfigLoader.Load(parse.GetValue(kubeconfig)), loggers);
                await using var host = await OperatorHost.StartAsync(client, options, cancellationToken);
                await Task.WhenAny(host.Completion, Task.Delay(Timeout.Infinite, cancellationToken));
                // The controllers only stop by themselves when leadership is lost: exit so a new leader takes over.
                return cancellationToken.IsCancellationRequested ? 0 : 1;
            }
            catch (Exception e) when (e is KubeConfigException or ArgumentException or FileNotFoundException or IOException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("spindle-operator: " + e.Message);
                return 1;
            }
        });

        var output = new Option<string>("--out") { Description = "The deploy/ directory to write crds/ and spindle-operator.crds.yaml into.", DefaultValueFactory = _ => "deploy" };
        var crds = new Command("crds", "Write the SpinApp and SpinAppExecutor CRDs (both API groups) generated from the C# types.") { output };
        crds.SetAction(async (parse, cancellationToken) =>
        {
            foreach (var (path, yaml) in CrdGenerator.Files())
            {
                var full = Path.Combine(parse.GetValue(output)!, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, yaml, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(full);
            }

            return 0;
        });
        var generate = new Command("generate", "Generate deployment files from the operator's types.") { crds };
        root.Subcommands.Add(generate);
        return root;
    }
}
