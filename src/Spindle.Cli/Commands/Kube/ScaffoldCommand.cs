using System.CommandLine;
using Spindle.Operator.Scaffold;

namespace Spindle.Cli.Commands.Kube;

/// <summary>`spindle kube scaffold`: prints (or writes) a SpinApp manifest, as `spin kube scaffold`.</summary>
internal static class ScaffoldCommand
{
    public static Command Create()
    {
        // Checked in the action rather than by the parser, so a missing --from is one `Error:` line like the others.
        var from = new Option<string>("--from", "-f") { Description = "Reference in the registry of the application (required)" };
        var replicas = new Option<int>("--replicas", "-r") { Description = "Minimum number of replicas for the application", DefaultValueFactory = _ => 2 };
        var maxReplicas = new Option<int>("--max-replicas")
        {
            Description = "Maximum number of replicas for the application. Autoscaling must be enabled to use this flag", DefaultValueFactory = _ => 3,
        };
        var autoscaler = new Option<string>("--autoscaler") { Description = "The autoscaler to use. Valid values are 'hpa' and 'keda'", DefaultValueFactory = _ => "" };
        var targetCpu = new Option<int>("--autoscaler-target-cpu-utilization")
        {
            Description = "The target CPU utilization percentage to maintain across all pods", DefaultValueFactory = _ => 60,
        };
        var targetMemory = new Option<int>("--autoscaler-target-memory-utilization")
        {
            Description = "The target memory utilization percentage to maintain across all pods", DefaultValueFactory = _ => 60,
        };
        var executor = new Option<string>("--executor") { Description = "The executor used to run the application", DefaultValueFactory = _ => "containerd-shim-spin" };
        var cpuLimit = new Option<string>("--cpu-limit") { Description = "The maximum amount of CPU resource units the application is allowed to use" };
        var cpuRequest = new Option<string>("--cpu-request")
        {
            Description = "The amount of CPU resource units requested by the application. Used to determine which node the application will run on",
        };
        var memoryLimit = new Option<string>("--memory-limit") { Description = "The maximum amount of memory the application is allowed to use" };
        var memoryRequest = new Option<string>("--memory-request")
        {
            Description = "The amount of memory requested by the application. Used to determine which node the application will run on",
        };
        var azureIdentity = new Option<bool>("--azure-identity") { Description = "Enable Azure Workload Identity for the application" };
        var serviceAccount = new Option<string>("--service-account-name") { Description = "The name of the service account to use for the application" };
        var output = new Option<string>("--out", "-o") { Description = "Path to file to write manifest yaml" };
        var runtimeConfig = new Option<string>("--runtime-config-file", "-c") { Description = "Path to runtime config file" };
        var pullSecrets = new Option<string[]>("--image-pull-secret", "-s")
        {
            Description = "Secrets in the same namespace to use for pulling the image", Arity = ArgumentArity.ZeroOrMore,
        };
        var variables = new Option<string[]>("--variable", "-v")
        {
            Description = "Application variable (name=value) to be provided to the application", Arity = ArgumentArity.ZeroOrMore,
        };
        var components = new Option<string[]>("--component")
        {
            Description = "Component ID to run. This can be specified multiple times. The default is all components.", Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("scaffold", "Scaffold application manifest");
        foreach (Option option in new Option[]
                 {
                     from, replicas, maxReplicas, autoscaler, targetCpu, targetMemory, executor, cpuLimit, cpuRequest, memoryLimit, memoryRequest,
                     azureIdentity, serviceAccount, output, runtimeConfig, pullSecrets, variables, components,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            // Every problem with the input at once, each on its own `Error:` line.
            var problems = new List<string>();
            if (parse.GetValue(from) is null) problems.Add(KubeCommand.MissingFrom);

            var variableMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in SplitCommas(parse.GetValue(variables)))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    problems.Add($"invalid argument \"{pair}\" for \"-v, --variable\" flag: {pair} must be formatted as key=value");
                }
                else if (equals == 0)
                {
                    problems.Add($"invalid argument \"{pair}\" for \"-v, --variable\" flag: the variable name before '=' must not be empty");
                }
                else
                {
                    variableMap[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            var configPath = parse.GetValue(runtimeConfig) ?? "";
            byte[]? configBytes = null;
            if (configPath.Length > 0)
            {
                try
                {
                    configBytes = await File.ReadAllBytesAsync(configPath, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(Directory.Exists(configPath)
                        ? $"cannot read runtime config file '{configPath}': it is a directory; pass the runtime-config.toml file itself"
                        : $"cannot read runtime config file '{configPath}': {e.Message}");
                }
            }

            var options = new ScaffoldOptions
            {
                From = parse.GetValue(from) ?? "",
                Replicas = parse.GetValue(replicas),
                MaxReplicas = parse.GetValue(maxReplicas),
                Autoscaler = parse.GetValue(autoscaler) ?? "",
                AutoscalerTargetCpuUtilization = parse.GetValue(targetCpu),
                AutoscalerTargetMemoryUtilization = parse.GetValue(targetMemory),
                Executor = parse.GetValue(executor) ?? "containerd-shim-spin",
                CpuLimit = parse.GetValue(cpuLimit) ?? "",
                MemoryLimit = parse.GetValue(memoryLimit) ?? "",
                CpuRequest = parse.GetValue(cpuRequest) ?? "",
                MemoryRequest = parse.GetValue(memoryRequest) ?? "",
                RuntimeConfig = configBytes,
                ImagePullSecrets = SplitCommas(parse.GetValue(pullSecrets)),
                Variables = variableMap,
                Components = SplitCommas(parse.GetValue(components)),
                AzureIdentity = parse.GetValue(azureIdentity),
                ServiceAccountName = parse.GetValue(serviceAccount) ?? "",
            };

            // As cobra: a missing required flag stops before the flags are validated.
            if (parse.GetValue(from) is not null) problems.AddRange(Scaffolder.Validate(options));
            if (problems.Count > 0)
            {
                foreach (var problem in problems) await errors.WriteLineAsync("Error: " + problem);
                return 1;
            }

            var manifest = Scaffolder.Render(options);
            var outPath = parse.GetValue(output) ?? "";
            if (outPath.Length == 0)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(manifest);
                return 0;
            }

            try
            {
                await File.WriteAllTextAsync(outPath, manifest, cancellationToken);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(outPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"Error: cannot write the manifest to '{outPath}': {e.Message} Check --out.");
                return 1;
            }

            await errors.WriteLineAsync($"\nApplication manifest saved to {outPath}");
            return 0;
        });
        return command;
    }

    // As pflag's string slices: each value may itself be a comma-separated list.
    private static List<string> SplitCommas(string[]? values)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries)) result.Add(part);
        }

        return result;
    }
}
