using System.Text.Json;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Scaffold;

/// <summary>What `spin kube deploy` applies: a SpinApp for an image, run by containerd-shim-spin.</summary>
public static class KubeDeploy
{
    /// <summary>The SSA field manager `spin kube deploy` uses, so the two tools own the same fields.</summary>
    public const string FieldManager = "spin-plugin-kube";

    /// <exception cref="ScaffoldException">The reference or the replica count is invalid.</exception>
    public static SpinApp BuildApp(string from, int replicas, string @namespace)
    {
        var errors = new List<string>();
        if (replicas < 0) errors.Add($"the minimum replica count ({replicas}) must be greater than 0");
        if (!ImageReference.TryParse(from, out var reference)) errors.Add($"invalid image reference provided: '{from}'");
        if (errors.Count > 0) throw new ScaffoldException(errors);
        return new SpinApp
        {
            Metadata = new ObjectMeta { Name = reference!.Name, Namespace = @namespace },
            Spec = new SpinAppSpec { Image = from, Executor = SpinKube.ContainerdShimSpinExecutor, Replicas = replicas },
        };
    }

    /// <summary>The app as YAML (for --dry-run).</summary>
    public static string ToYaml(SpinApp app) =>
        YamlWriter.Write(JsonSerializer.SerializeToNode(app, OperatorJsonContext.Default.SpinApp)!);
}
