using System.Text.Json;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

// spin-operator: TestConstructService.
public class SpinAppServiceTests
{
    [Fact]
    public void Construct_MatchesReference()
    {
        var app = Apps.Minimal("my-app");
        app.Spec.ServiceAnnotations = new Dictionary<string, string> { ["a"] = "b" };

        var service = SpinAppService.Construct(app);

        Assert.Equal(("Service", "v1"), (service.Kind, service.ApiVersion));
        Assert.Equal(new Dictionary<string, string> { ["core.spinkube.dev/app-name"] = "my-app" }, service.Metadata.Labels);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b" }, service.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["core.spinkube.dev/app.my-app.status"] = "ready" }, service.Spec!.Selector);
        Assert.Equal("ClusterIP", service.Spec.Type);
        var port = Assert.Single(service.Spec.Ports!);
        Assert.Equal(("TCP", 80, "http-app", null), (port.Protocol, port.Port, port.TargetPort!.Value.Name, port.Name));
        Assert.True(service.Metadata.OwnerReferences![0].Controller);
        Assert.Contains("\"targetPort\":\"http-app\"", JsonSerializer.Serialize(service, OperatorJsonContext.Default.Service));
    }
}
