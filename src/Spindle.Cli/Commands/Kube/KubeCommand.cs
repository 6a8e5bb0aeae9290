using System.CommandLine;

namespace Spindle.Cli.Commands.Kube;

/// <summary>`spindle kube`: SpinKube manifests and deployments (the `spin kube` plugin's commands).</summary>
internal static class KubeCommand
{
    /// <summary>cobra's wording for the plugin's required --from flag.</summary>
    internal const string MissingFrom = "required flag(s) \"from\" not set";

    public static Command Create()
    {
        // As the plugin: only --kubeconfig and --namespace of kubectl's flags.
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to the kubeconfig file to use", Recursive = true };
        var @namespace = new Option<string?>("--namespace", "-n") { Description = "The namespace scope for this request", Recursive = true };
        var command = new Command("kube", "Work with SpinKube: scaffold SpinApp manifests and deploy apps to Kubernetes.") { kubeconfig, @namespace };
        command.Subcommands.Add(ScaffoldCommand.Create());
        command.Subcommands.Add(DeployCommand.Create(kubeconfig, @namespace));
        return command;
    }
}
