using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>An app's ClusterIP Service: port 80 to the pods' http-app port, selecting ready pods by the status label.</summary>
internal static class SpinAppService
{
    public static Service Construct(SpinApp app)
    {
        var name = app.Metadata.Name ?? "";
        var group = SpinKube.GroupOf(app.ApiVersion);
        return new Service
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = app.Metadata.Namespace,
                Labels = new Dictionary<string, string> { [SpinKube.NameLabelKey(group)] = name },
                Annotations = new Dictionary<string, string>(app.Spec.ServiceAnnotations ?? new Dictionary<string, string>()),
                OwnerReferences = [Owners.Controller(app)],
            },
            Spec = new ServiceSpec
            {
                Type = "ClusterIP",
                Ports = [new ServicePort { Protocol = "TCP", Port = SpinAppDeployment.HttpPort, TargetPort = SpinAppDeployment.HttpPortName }],
                Selector = new Dictionary<string, string> { [SpinKube.StatusLabelKey(group, name)] = SpinKube.StatusLabelReady },
            },
        };
    }
}
