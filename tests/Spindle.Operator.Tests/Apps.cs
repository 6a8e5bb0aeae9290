using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Tests;

/// <summary>SpinApps and executors for tests, like spin-operator's test fixtures.</summary>
internal static class Apps
{
    public static SpinApp Minimal(string name = "app", string @namespace = "default", string apiVersion = SpinKube.ApiVersion) => new()
    {
        ApiVersion = apiVersion,
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace, Uid = "uid-" + name },
        Spec = new SpinAppSpec { Executor = "containerd-shim-spin", Image = "ghcr.io/foo/app:v1", Replicas = 1 },
    };

    public static SpinAppExecutor ShimExecutor(string runtimeClass = "a-runtime-class") => new()
    {
        Metadata = new ObjectMeta { Name = "containerd-shim-spin", Namespace = "default" },
        Spec = new SpinAppExecutorSpec
        {
            CreateDeployment = true,
            DeploymentConfig = new ExecutorDeploymentConfig { RuntimeClassName = runtimeClass },
        },
    };
}
