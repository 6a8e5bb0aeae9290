using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>Owner references from a SpinApp to its children, so the garbage collector deletes them with it.</summary>
internal static class Owners
{
    /// <summary>As ctrl.SetControllerReference: controller and blockOwnerDeletion set (Deployment, Service).</summary>
    public static OwnerReference Controller(SpinApp app) => new()
    {
        ApiVersion = app.ApiVersion,
        Kind = app.Kind,
        Name = app.Metadata.Name ?? "",
        Uid = app.Metadata.Uid ?? "",
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>As controllerutil.SetOwnerReference: a plain owner (the runtime-config Secret).</summary>
    public static OwnerReference Plain(SpinApp app) => new()
    {
        ApiVersion = app.ApiVersion,
        Kind = app.Kind,
        Name = app.Metadata.Name ?? "",
        Uid = app.Metadata.Uid ?? "",
    };
}
