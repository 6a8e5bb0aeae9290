using System.Net;
using Spindle.Operator.Hosting;

namespace Spindle.Operator.Tests.Hosting;

public class HostingTests
{
    [Theory]
    [InlineData(":8082", "[::]:8082")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    [InlineData("[::1]:9443", "[::1]:9443")]
    [InlineData("localhost:8080", "127.0.0.1:8080")]
    public void BindAddress_ParsesGoStyleAddresses(string address, string endpoint)
    {
        Assert.Equal(IPEndPoint.Parse(endpoint), BindAddress.Parse(address, "--flag"));
    }

    [Fact]
    public void BindAddress_Zero_DisablesTheServer()
    {
        Assert.Null(BindAddress.Parse("0", "--metrics-bind-address"));
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("host:80")]
    [InlineData(":99999")]
    public void BindAddress_Invalid_NamesTheFlag(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => BindAddress.Parse(address, "--health-probe-bind-address"));

        Assert.StartsWith("--health-probe-bind-address: ", error.Message);
    }

    [Fact]
    public void Metrics_RenderControllerRuntimeNames()
    {
        var metrics = new OperatorMetrics();
        metrics.RegisterQueue("spinapp", () => 3);
        metrics.RecordReconcile("spinapp", success: true, requeueAfter: false, TimeSpan.FromMilliseconds(20));
        metrics.RecordReconcile("spinapp", success: false, requeueAfter: false, TimeSpan.FromSeconds(2));

        var text = metrics.Render();

        Assert.Contains("controller_runtime_reconcile_total{controller=\"spinapp\",result=\"success\"} 1\n", text);
        Assert.Contains("controller_runtime_reconcile_total{controller=\"spinapp\",result=\"error\"} 1\n", text);
        Assert.Contains("controller_runtime_reconcile_errors_total{controller=\"spinapp\"} 1\n", text);
        Assert.Contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"spinapp\",le=\"0.025\"} 1\n", text);
        Assert.Contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"spinapp\",le=\"+Inf\"} 2\n", text);
        Assert.Contains("controller_runtime_reconcile_time_seconds_count{controller=\"spinapp\"} 2\n", text);
        Assert.Contains("workqueue_depth{name=\"spinapp\"} 3\n", text);
    }

    [Fact]
    public void Program_ParsesSpinOperatorFlags()
    {
        var parse = Program.Create().Parse(["--metrics-bind-address=:8443", "--health-probe-bind-address=:8082", "--leader-elect", "--enable-webhooks", "--metrics-secure=false"]);

        Assert.Empty(parse.Errors);
    }
}
