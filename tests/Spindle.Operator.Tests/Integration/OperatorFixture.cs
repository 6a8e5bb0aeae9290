using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Config;
using Spindle.Operator.Api;
using Spindle.Operator.Controllers;
using Spindle.Operator.Crds;
using Spindle.Operator.Hosting;

namespace Spindle.Operator.Tests.Integration;

/// <summary>
/// A real API server (SPINDLE_TEST_KUBECONFIG) with our CRDs installed, the operator running in-process, and its
/// webhooks registered by URL with a self-signed certificate, limited to namespaces labelled for this run.
/// </summary>
public sealed class OperatorFixture : IAsyncLifetime
{
    public const string TestLabel = "spindle.dev/operator-test";
    private static readonly ApplyOptions Apply = new("spindle-tests", Force: true);
    private readonly List<string> _namespaces = [];
    private OperatorHost? _host;
    private string? _caBundleFile;

    /// <summary>Cluster-scoped objects tests made, removed when the run ends.</summary>
    public List<Func<Task>> Cleanup { get; } = [];

    public string RunId { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();

    public KubernetesClient Client { get; private set; } = null!;

    internal OperatorResources Resources { get; private set; } = null!;

    internal OperatorHost Host => _host!;

    public ResourceClient<GenericObject> Generic(ApiResource resource) => Client.Resource(resource, TestJsonContext.Default.GenericObject);

    public async Task InitializeAsync()
    {
        if (Requirements.KubeConfig is null) return; // the tests report skipped (or fail under CI)
        Client = new KubernetesClient(KubeConfigLoader.Load(Requirements.KubeConfig));
        Resources = new OperatorResources(Client);

        foreach (var crd in CrdGenerator.All())
        {
            await Generic(ApiResource.CustomResourceDefinitions).ApplyAsync(GenericObject.From(crd), Apply);
        }

        foreach (var group in SpinKube.Groups)
        {
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    await Resources.SpinApps(group).ListAsync(null, new ListOptions { Limit = 1 });
                    await Resources.Executors(group).ListAsync(null, new ListOptions { Limit = 1 });
                    return true;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return false;
                }
            }, $"the CRDs of {group} to be served");
        }

        var certificate = SelfSignedLoopbackCertificate();
        _caBundleFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(_caBundleFile, "-----BEGIN CERTIFICATE-----\ntest bundle\n-----END CERTIFICATE-----\n");
        _host = await OperatorHost.StartAsync(Client, new OperatorOptions
        {
            MetricsBindAddress = "127.0.0.1:0",
            MetricsSecure = false,
            HealthProbeBindAddress = "127.0.0.1:0",
            EnableWebhooks = true,
            WebhookBindAddress = "127.0.0.1:0",
            WebhookCertificate = certificate,
            CaBundleFile = _caBundleFile,
        }, CancellationToken.None);

        var caBundle = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
        await Generic(MutatingWebhooks).ApplyAsync(GenericObject.From(WebhookConfiguration(true, caBundle)), Apply);
        await Generic(ValidatingWebhooks).ApplyAsync(GenericObject.From(WebhookConfiguration(false, caBundle)), Apply);
        await WaitForWebhooksAsync();
    }

    /// <summary>A fresh namespace; with <paramref name="webhooks"/> the run's webhooks apply to it.</summary>
    public async Task<string> NamespaceAsync(string purpose, bool webhooks = true)
    {
        var name = $"spindle-op-{RunId}-{purpose}";
        var labels = new JsonObject();
        if (webhooks) labels[TestLabel] = RunId;
        await Generic(ApiResource.Namespaces).ApplyAsync(
            GenericObject.From(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels } }),
            Apply);
        lock (_namespaces) _namespaces.Add(name);
        return name;
    }

    public async Task DisposeAsync()
    {
        if (_host is null) return;
        foreach (var cleanup in Cleanup) await cleanup();
        await Generic(MutatingWebhooks).DeleteAsync(null, "spindle-test-" + RunId);
        await Generic(ValidatingWebhooks).DeleteAsync(null, "spindle-test-" + RunId);
        foreach (var ns in _namespaces) await Generic(ApiResource.Namespaces).DeleteAsync(null, ns);

        // Executors carry the operator's finalizer: keep it running until it has released them.
        foreach (var ns in _namespaces)
        {
            foreach (var group in SpinKube.Groups)
            {
                try
                {
                    await Eventually.TrueAsync(async () => (await Resources.Executors(group).ListAsync(ns)).Items.Count == 0, $"executors in {ns} to go");
                }
                catch (TimeoutException)
                {
                    // Leave the namespace terminating rather than fail the run's cleanup.
                }
            }
        }

        await _host.DisposeAsync();
        Client.Dispose();
        if (_caBundleFile is not null) File.Delete(_caBundleFile);
    }

    private static readonly ApiResource MutatingWebhooks =
        new("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", Namespaced: false);

    private static readonly ApiResource ValidatingWebhooks =
        new("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", Namespaced: false);

    private JsonObject WebhookConfiguration(bool mutate, string caBundle)
    {
        var webhooks = new JsonArray();
        foreach (var (kind, plural) in new[] { ("SpinApp", "spinapps"), ("SpinAppExecutor", "spinappexecutors") })
        {
            webhooks.Add(new JsonObject
            {
                ["name"] = (mutate ? "m" : "v") + kind.ToLowerInvariant() + ".kb.io",
                ["admissionReviewVersions"] = new JsonArray("v1"),
                ["sideEffects"] = "None",
                ["failurePolicy"] = "Fail",
                ["clientConfig"] = new JsonObject
                {
                    ["url"] = $"https://127.0.0.1:{Host.WebhookPort}" + Spindle.Operator.Admission.WebhookPaths.For(mutate, SpinKube.Group, kind),
                    ["caBundle"] = caBundle,
                },
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["apiGroups"] = new JsonArray(SpinKube.Group, SpinKube.LegacyGroup),
                    ["apiVersions"] = new JsonArray("v1alpha1"),
                    ["operations"] = new JsonArray("CREATE", "UPDATE"),
                    ["resources"] = new JsonArray(plural),
                }),
                ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [TestLabel] = RunId } },
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = mutate ? "MutatingWebhookConfiguration" : "ValidatingWebhookConfiguration",
            ["metadata"] = new JsonObject { ["name"] = "spindle-test-" + RunId },
            ["webhooks"] = webhooks,
        };
    }

    // The API server picks webhook configurations up asynchronously: probe with a dry-run create it must reject.
    private async Task WaitForWebhooksAsync()
    {
        var ns = await NamespaceAsync("probe");
        var invalid = new SpinAppExecutor
        {
            Metadata = new Kubernetes.Models.Meta.ObjectMeta { Name = "probe", Namespace = ns },
            Spec = new SpinAppExecutorSpec { CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig() },
        };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await Resources.Executors(SpinKube.Group).CreateAsync(invalid, new WriteOptions { DryRun = true });
                return false;
            }
            catch (KubernetesApiException e) when (e.Status.Message?.Contains("admission webhook", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }, "the webhooks to be registered");
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=spindle-operator-webhook", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}

/// <summary>One operator for all cluster tests: two would both reconcile every namespace.</summary>
[CollectionDefinition(Name)]
public sealed class OperatorCluster : ICollectionFixture<OperatorFixture>
{
    public const string Name = "operator cluster";
}

/// <summary>Polls a condition the cluster reaches asynchronously (controllers, garbage collection).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return;
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"gave up waiting for {what} after {seconds} s");
            await Task.Delay(200);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> get, string what, int seconds = 90)
        where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await get()) is not null, what, seconds);
        return value!;
    }
}
