using Spindle.Kubernetes;
using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;

namespace Spindle.Operator.Controllers;

/// <summary>The typed resource clients the operator uses, SpinApps and executors per API group.</summary>
internal sealed class OperatorResources(KubernetesClient client)
{
    public KubernetesClient Client { get; } = client;

    public ResourceClient<Deployment> Deployments { get; } = client.Resource(ApiResource.Deployments, OperatorJsonContext.Default.Deployment);

    public ResourceClient<Service> Services { get; } = client.Resource(ApiResource.Services, OperatorJsonContext.Default.Service);

    public ResourceClient<Secret> Secrets { get; } = client.Resource(ApiResource.Secrets, OperatorJsonContext.Default.Secret);

    public ResourceClient<ConfigMap> ConfigMaps { get; } = client.Resource(ApiResource.ConfigMaps, OperatorJsonContext.Default.ConfigMap);

    public ResourceClient<Event> Events { get; } = client.Resource(ApiResource.Events, OperatorJsonContext.Default.Event);

    public static ApiResource SpinAppResource(string group) => new(group, SpinKube.Version, "spinapps", "SpinApp");

    public static ApiResource ExecutorResource(string group) => new(group, SpinKube.Version, "spinappexecutors", "SpinAppExecutor");

    public ResourceClient<SpinApp> SpinApps(string group) => Client.Resource(SpinAppResource(group), OperatorJsonContext.Default.SpinApp);

    public ResourceClient<SpinAppExecutor> Executors(string group) =>
        Client.Resource(ExecutorResource(group), OperatorJsonContext.Default.SpinAppExecutor);
}
