using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Admission;
using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Models.Rbac;
using Spindle.Operator.Api;

namespace Spindle.Operator;

/// <summary>Source-generated JSON for every kind the operator reads or writes (camelCase, nulls omitted, as the client's).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SpinApp))]
[JsonSerializable(typeof(KubernetesList<SpinApp>))]
[JsonSerializable(typeof(SpinAppExecutor))]
[JsonSerializable(typeof(KubernetesList<SpinAppExecutor>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(KubernetesList<Deployment>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubernetesList<Service>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubernetesList<Secret>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(TokenReview))]
[JsonSerializable(typeof(SubjectAccessReview))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SpinAppStatus))]
public sealed partial class OperatorJsonContext : JsonSerializerContext
{
}
