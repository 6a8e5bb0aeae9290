using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Spindle.Kubernetes;
using Spindle.Operator.Hosting;

namespace Spindle.Operator.Tests.Hosting;

// The webhook server over real HTTPS (Kestrel on port 0), with an in-process fake API server behind it.
public class WebhookServerTests
{
    private sealed class FakeApiServer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var response = path.EndsWith("/spinappexecutors", StringComparison.Ordinal)
                ? Json(HttpStatusCode.OK, """{"kind":"SpinAppExecutorList","apiVersion":"core.spinkube.dev/v1alpha1","metadata":{},"items":[{"metadata":{"name":"zeta","namespace":"x"},"spec":{"createDeployment":true}},{"metadata":{"name":"alpha","namespace":"y"},"spec":{"createDeployment":true}}]}""")
                : Json(HttpStatusCode.NotFound, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
            return Task.FromResult(response);
        }

        private static HttpResponseMessage Json(HttpStatusCode code, string body) =>
            new(code) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private static X509Certificate2 Certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static string Review(string kind, string obj) =>
        $$$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"abc","kind":{"group":"core.spinkube.dev","version":"v1alpha1","kind":"{{{kind}}}"},"namespace":"default","operation":"CREATE","object":{{{obj}}}}}""";

    private static async Task<JsonElement> PostAsync(int port, string path, string body)
    {
#pragma warning disable CA5400, CA5359 // a test certificate nobody else trusts
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
#pragma warning restore CA5400, CA5359
        var response = await http.PostAsync($"https://127.0.0.1:{port}{path}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("response");
    }

    [Fact]
    public async Task Webhooks_AnswerAdmissionReviewsOverHttps()
    {
        using var client = new KubernetesClient(new FakeApiServer(), new Uri("https://api.invalid"));
        await using var host = await OperatorHost.StartAsync(client, new OperatorOptions
        {
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "127.0.0.1:0",
            EnableWebhooks = true,
            WebhookBindAddress = "127.0.0.1:0",
            WebhookCertificate = Certificate(),
            RunControllers = false,
        }, CancellationToken.None);
        const string app = """{"apiVersion":"core.spinkube.dev/v1alpha1","kind":"SpinApp","metadata":{"name":"spinapp"},"spec":{"image":"x","executor":"","replicas":1}}""";

        var mutated = await PostAsync(host.WebhookPort!.Value, "/mutate-core-spinkube-dev-v1alpha1-spinapp", Review("SpinApp", app));
        var validated = await PostAsync(host.WebhookPort.Value, "/validate-core-spinkube-dev-v1alpha1-spinapp", Review("SpinApp", app.Replace("\"executor\":\"\"", "\"executor\":\"nope\"", StringComparison.Ordinal)));

        Assert.Equal("abc", mutated.GetProperty("uid").GetString());
        Assert.True(mutated.GetProperty("allowed").GetBoolean());
        Assert.Equal("JSONPatch", mutated.GetProperty("patchType").GetString());
        Assert.Equal("""[{"op":"add","path":"/spec/executor","value":"alpha"}]""", Encoding.UTF8.GetString(mutated.GetProperty("patch").GetBytesFromBase64()));
        Assert.False(validated.GetProperty("allowed").GetBoolean());
        // admission.k8s.io names the reason "status"; the API server prefixes it with 'admission webhook "..." denied the request: '.
        Assert.Equal(
            "SpinApp.core.spinkube.dev \"spinapp\" is invalid: spec.executor: Invalid value: \"nope\": executor does not exist in namespace",
            validated.GetProperty("status").GetProperty("message").GetString());
        Assert.Equal(422, validated.GetProperty("status").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Webhooks_MalformedReview_IsDeniedWithReason()
    {
        using var client = new KubernetesClient(new FakeApiServer(), new Uri("https://api.invalid"));
        await using var host = await OperatorHost.StartAsync(client, new OperatorOptions
        {
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "0",
            EnableWebhooks = true,
            WebhookBindAddress = "127.0.0.1:0",
            WebhookCertificate = Certificate(),
            RunControllers = false,
        }, CancellationToken.None);

        var response = await PostAsync(host.WebhookPort!.Value, "/validate-core-spinkube-dev-v1alpha1-spinapp", Review("Widget", "{}"));

        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Contains("not 'Widget'", response.GetProperty("status").GetProperty("message").GetString());
    }

    [Fact]
    public void WebhookCertificate_MissingDirectory_ExplainsTheFix()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ServingCertificate.FromDirectory(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())));

        Assert.Contains("--webhook-cert-dir", error.Message);
    }

    [Fact]
    public void WebhookCertificate_FromPemFiles_Loads()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=webhook", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(dir, "tls.crt"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, "tls.key"), key.ExportPkcs8PrivateKeyPem());

            var serving = ServingCertificate.FromDirectory(dir).Current();

            Assert.True(serving.HasPrivateKey);
            Assert.Equal("CN=webhook", serving.Subject);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
