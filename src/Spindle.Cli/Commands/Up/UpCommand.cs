using System.CommandLine;
using System.Runtime.InteropServices;
using Spindle.Host.Up;

namespace Spindle.Cli.Commands.Up;

/// <summary>`spindle up`: serves a Spin app over HTTP with a fresh instance per request (spin up's flags).</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from", "-f", "--file")
        {
            Description = "The application to run: a spin.toml, a directory containing one, a locked app JSON, or a registry reference (default: spin.toml).",
            HelpName = "APPLICATION",
        };
        var fromRegistry = new Option<string?>("--from-registry")
        {
            Description = "The application to run, as a registry reference (e.g. ghcr.io/user/app:v1), even if a file of that name exists.",
            HelpName = "REFERENCE",
        };
        var insecure = new Option<bool>("--insecure", "-k") { Description = "Use plain HTTP to pull from the registry (for local registries)." };
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "Cache for applications pulled from registries [default: $XDG_CACHE_HOME/spindle].",
            HelpName = "DIR",
        };
        var listen = new Option<string?>("--listen")
        {
            Description = "IP address and port to listen on (env SPIN_HTTP_LISTEN_ADDR) [default: 127.0.0.1:3000].",
            HelpName = "ADDRESS",
        };
        var findFreePort = new Option<bool>("--find-free-port") { Description = "If the port is in use, try the next 9 ports." };
        var env = new Option<string[]>("--env", "-e")
        {
            Description = "Pass an environment variable (NAME=VALUE) to all components (repeatable).",
            HelpName = "NAME=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        var variable = new Option<string[]>("--variable")
        {
            Description = "Set an application variable (name=value or name=@file) (repeatable).",
            HelpName = "NAME=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        var runtimeConfig = new Option<string?>("--runtime-config-file")
        {
            Description = "Configuration file for config providers and wasmtime config (env RUNTIME_CONFIG_FILE).",
            HelpName = "FILE",
        };
        var componentIds = new Option<string[]>("--component-id", "-c")
        {
            Description = "[Experimental] Component ID to run (repeatable); also SPIN_COMPONENTS_TO_RETAIN. Default: all.",
            HelpName = "COMPONENT",
            AllowMultipleArgumentsPerToken = false,
        };
        var follow = new Option<string[]>("--follow")
        {
            Description = "Print the output of this component to the terminal (repeatable; '*' for all).",
            HelpName = "COMPONENT",
            AllowMultipleArgumentsPerToken = false,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Silence all component output to the terminal." };
        var logDir = new Option<string?>("--log-dir", "-L")
        {
            Description = "Log directory for the stdout and stderr of components (env SPIN_LOG_DIR) [default: .spin/logs].",
            HelpName = "DIR",
        };
        var requestTimeout = new Option<string?>("--request-timeout")
        {
            Description = "Interrupt a request that runs longer than this (500ms, 2s, 1m; 0 for none) [default: 30s].",
            HelpName = "DURATION",
        };

        var command = new Command("up", "Start the Spin application.");
        foreach (var option in new Option[] { from, fromRegistry, insecure, cacheDir, listen, findFreePort, env, variable, runtimeConfig, componentIds, follow, quiet, logDir, requestTimeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = new UpArguments
            {
                From = parse.GetValue(from),
                FromRegistry = parse.GetValue(fromRegistry),
                Insecure = parse.GetValue(insecure),
                CacheDir = parse.GetValue(cacheDir),
                Listen = parse.GetValue(listen),
                FindFreePort = parse.GetValue(findFreePort),
                Env = parse.GetValue(env) ?? [],
                Variables = parse.GetValue(variable) ?? [],
                RuntimeConfigFile = parse.GetValue(runtimeConfig),
                ComponentIds = parse.GetValue(componentIds) ?? [],
                Follow = parse.GetValue(follow) ?? [],
                Quiet = parse.GetValue(quiet),
                LogDir = parse.GetValue(logDir),
                RequestTimeout = parse.GetValue(requestTimeout),
            };

            // SIGTERM (Kubernetes, docker stop) stops as gracefully as Ctrl+C: in-flight requests finish.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            return await UpRunner.RunAsync(
                arguments,
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                Environment.GetEnvironmentVariable,
                stop.Token);
        });
        return command;
    }
}
