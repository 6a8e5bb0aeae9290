using System.CommandLine;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Config;
using Spindle.Operator;
using Spindle.Operator.Api;
using Spindle.Operator.Scaffold;

namespace Spindle.Cli.Commands.Kube;

/// <summary>`spindle kube deploy --from REF`: server-side applies a SpinApp for the image, as `spin kube deploy`.</summary>
internal static class DeployCommand
{
    public static Command Create(Option<string?> kubeconfig, Option<string?> @namespace)
    {
        // Checked in the action rather than by the parser, so a missing --from is one `Error:` line like the others.
        var from = new Option<string>("--from", "-f") { Description = "Reference in the registry of the application (required)" };
        var replicas = new Option<int>("--replicas", "-r") { Description = "Number of replicas for the application", DefaultValueFactory = _ => 2 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only print the SpinApp that would be applied" };
        var command = new Command("deploy", "Deploy an application to Kubernetes") { from, replicas, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            if (parse.GetValue(from) is null)
            {
                await errors.WriteLineAsync("Error: " + KubeCommand.MissingFrom);
                return 1;
            }

            try
            {
                // A dry run with -n needs no cluster at all.
                var configuration = parse.GetValue(dryRun) && parse.GetValue(@namespace) is not null ? null : KubeConfigLoader.Load(parse.GetValue(kubeconfig));
                var ns = parse.GetValue(@namespace) ?? configuration!.Namespace;
                var app = KubeDeploy.BuildApp(parse.GetValue(from) ?? "", parse.GetValue(replicas), ns);
                if (configuration is null || parse.GetValue(dryRun))
                {
                    await parse.InvocationConfiguration.Output.WriteAsync(KubeDeploy.ToYaml(app));
                    return 0;
                }

                using var client = new KubernetesClient(configuration);
                var spinApps = client.Resource(new ApiResource(SpinKube.Group, SpinKube.Version, "spinapps", "SpinApp"), OperatorJsonContext.Default.SpinApp);
                var applied = await spinApps.ApplyAsync(app, new ApplyOptions(KubeDeploy.FieldManager, Force: true), cancellationToken);
                // The plugin's wording, old group name included, so scripts that grep for it keep working.
                await parse.InvocationConfiguration.Output.WriteLineAsync($"spinapp.spin.fermyon.com/{applied.Metadata.Name} configured");
                return 0;
            }
            catch (ScaffoldException e)
            {
                foreach (var error in e.Errors) await errors.WriteLineAsync("Error: " + error);
            }
            catch (Exception e) when (e is KubeConfigException or KubernetesApiException or HttpRequestException)
            {
                await errors.WriteLineAsync("Error: " + e.Message);
            }

            return 1;
        });
        return command;
    }
}
