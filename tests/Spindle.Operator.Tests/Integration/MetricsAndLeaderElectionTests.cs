using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Spindle.Kubernetes;
using Spindle.Operator.Hosting;

namespace Spindle.Operator.Tests.Integration;

// spin-operator's TestMetricsServer (bogus token rejected, authorized service account sees the metrics) and leader election.
[Collection(OperatorCluster.Name)]
public class MetricsAndLeaderElectionTests(OperatorFixture cluster)
{
    private static readonly ApplyOptions Apply = new("spindle-tests", Force: true);

    [RequiresFact(Requirement.Kubernetes)]
    public async Task SecureMetrics_AuthenticateAndAuthorizeThroughTheApiServer()
    {
        var ns = await cluster.NamespaceAsync("metrics", webhooks: false);
        var token = await ServiceAccountTokenAsync(ns, "scraper");
        await using var host = await OperatorHost.StartAsync(cluster.Client, new OperatorOptions
        {
            MetricsBindAddress = "127.0.0.1:0",
            MetricsSecure = true,
            HealthProbeBindAddress = "0",
            RunControllers = false,
        }, CancellationToken.None);
#pragma warning disable CA5400, CA5359 // the metrics server's certificate is self-signed, as controller-runtime's
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
#pragma warning restore CA5400, CA5359
        var url = $"https://127.0.0.1:{host.MetricsPort}/metrics";

        var anonymous = await http.GetAsync(url);
        var bogus = await GetWithTokenAsync(http, url, "bogus");
        var unauthorized = await GetWithTokenAsync(http, url, token);
        await GrantMetricsReaderAsync(ns, "scraper");
        var authorized = await GetWithTokenAsync(http, url, token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "Authentication failed"), (bogus.StatusCode, await bogus.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Contains("# TYPE controller_runtime_reconcile_total counter", await authorized.Content.ReadAsStringAsync());
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task LeaderElection_HoldsTheSpinOperatorLease()
    {
        var ns = await cluster.NamespaceAsync("leader", webhooks: false);
        var leases = cluster.Generic(ApiResource.Leases);
        await using (var host = await OperatorHost.StartAsync(cluster.Client, new OperatorOptions
        {
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "0",
            LeaderElect = true,
            LeaderElectionNamespace = ns,
        }, CancellationToken.None))
        {
            await Eventually.TrueAsync(
                async () => await leases.TryGetAsync(ns, "90ba2d18.spinkube.dev") is { Rest: { } rest }
                    && rest.TryGetValue("spec", out var spec) && spec.TryGetProperty("holderIdentity", out var holder) && holder.GetString()!.Length > 0,
                "the operator to acquire the lease");
        }

        // Released on shutdown, so a successor need not wait for it to expire.
        var released = await leases.GetAsync(ns, "90ba2d18.spinkube.dev");
        Assert.True(!released.Rest!["spec"].TryGetProperty("holderIdentity", out var after) || string.IsNullOrEmpty(after.GetString()));
    }

    private static Task<HttpResponseMessage> GetWithTokenAsync(HttpClient http, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private async Task<string> ServiceAccountTokenAsync(string ns, string name)
    {
        await cluster.Generic(new ApiResource("", "v1", "serviceaccounts", "ServiceAccount")).ApplyAsync(GenericObject.From(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "ServiceAccount", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        }), Apply);
        // Kubernetes 1.20's token controller (kube-controller-manager) creates the token Secret.
        var secret = await Eventually.ValueAsync(
            async () => (await cluster.Resources.Secrets.ListAsync(ns)).Items.FirstOrDefault(s => s.Type == "kubernetes.io/service-account-token"
                && s.Metadata.Annotations is { } a && a.TryGetValue("kubernetes.io/service-account.name", out var owner) && owner == name && s.Data?.ContainsKey("token") == true),
            "the service account token");
        return Encoding.UTF8.GetString(secret.Data!["token"]);
    }

    private async Task GrantMetricsReaderAsync(string ns, string serviceAccount)
    {
        var name = "spindle-metrics-reader-" + cluster.RunId;
        await cluster.Generic(new ApiResource("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false)).ApplyAsync(
            GenericObject.From(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "ClusterRole", ["metadata"] = new JsonObject { ["name"] = name },
                ["rules"] = new JsonArray(new JsonObject { ["nonResourceURLs"] = new JsonArray("/metrics"), ["verbs"] = new JsonArray("get") }),
            }), Apply);
        await cluster.Generic(new ApiResource("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false)).ApplyAsync(
            GenericObject.From(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "ClusterRoleBinding", ["metadata"] = new JsonObject { ["name"] = name },
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = name },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = serviceAccount, ["namespace"] = ns }),
            }), Apply);
        cluster.Cleanup.Add(async () =>
        {
            await cluster.Generic(new ApiResource("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false)).DeleteAsync(null, name);
            await cluster.Generic(new ApiResource("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false)).DeleteAsync(null, name);
        });
    }
}
