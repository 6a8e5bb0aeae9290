using Microsoft.Extensions.Logging;
using Spindle.Host.Execution;
using Spindle.Host.Server;
using Spindle.Oci;
using Spindle.Oci.Cache;
using Spindle.Spin;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;
using Spindle.Spin.RuntimeConfig;
using Spindle.Spin.Variables;

namespace Spindle.Host.Up;

/// <summary>
/// <c>spindle up</c>: loads the app, prints what Spin prints, serves until <paramref name="cancellationToken"/> fires
/// (SIGINT/SIGTERM), then stops gracefully. Every user error is one clear message and exit code 1, never a stack trace.
/// </summary>
internal static class UpRunner
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(UpArguments arguments, TextWriter output, TextWriter error, Func<string, string?> getEnvironment, CancellationToken cancellationToken, Action<string>? onServing = null)
    {
        var filesRoot = Path.Combine(Path.GetTempPath(), "spindle-up-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var variable in arguments.Env)
            {
                if (variable.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    throw new SpinHostException($"-e/--env '{variable}': expected NAME=VALUE");
                }
            }

            TimeSpan? timeout = DefaultRequestTimeout;
            if (arguments.RequestTimeout is { } text)
            {
                if (!DurationParser.TryParse(text, out var parsed, out var problem))
                {
                    throw new SpinHostException($"--request-timeout: {problem}");
                }

                timeout = parsed == TimeSpan.Zero ? null : parsed;
            }

            var workingDirectory = Directory.GetCurrentDirectory();
            LockedApp app;
            string? appDirectory = null;
            SpinManifest? manifest = null;
            if (RegistryAppSource.SelectReference(arguments.From, arguments.FromRegistry, workingDirectory) is { } reference)
            {
                // Like Spin, a registry app runs from a temporary working directory and has no app directory of its own.
                app = await RegistryAppSource.LoadAsync(reference, arguments.Insecure, OpenCache(arguments.CacheDir, workingDirectory, getEnvironment), filesRoot, cancellationToken);
            }
            else
            {
                (app, appDirectory, manifest) = AppSource.Load(arguments.From, workingDirectory, filesRoot);
            }

            if (manifest is not null)
            {
                foreach (var warning in manifest.Warnings)
                {
                    await error.WriteLineAsync("Warning: " + warning);
                }
            }

            await PrepareVariablesAsync(app, arguments, getEnvironment, cancellationToken);

            // Spin keeps logs in the app's .spin/logs; an app from a registry has no app directory, so only -L logs it.
            var logDirectory = arguments.LogDir ?? getEnvironment("SPIN_LOG_DIR") ?? (appDirectory is null ? null : Path.Combine(appDirectory, ".spin", "logs"));
            if (logDirectory is not null)
            {
                await output.WriteLineAsync($"Logging component stdio to \"{Path.TrimEndingDirectorySeparator(Path.GetFullPath(logDirectory))}/\"");
            }

            var retain = new List<string>(arguments.ComponentIds);
            if (retain.Count == 0 && getEnvironment("SPIN_COMPONENTS_TO_RETAIN") is { Length: > 0 } fromEnvironment)
            {
                retain.AddRange(fromEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            var follow = arguments.Quiet ? new HashSet<string>() : new HashSet<string>(arguments.Follow, StringComparer.Ordinal);
            ComponentStdio stdio;
            try
            {
                stdio = new ComponentStdio(logDirectory, follow, error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpinHostException(
                    $"cannot create the log directory '{Path.GetFullPath(logDirectory!)}': {e.Message.TrimEnd('.')}. Pass a writable directory with -L/--log-dir (or SPIN_LOG_DIR)", e);
            }

            var options = new SpinHostOptions
            {
                ListenAddress = arguments.Listen ?? getEnvironment("SPIN_HTTP_LISTEN_ADDR") ?? "127.0.0.1:3000",
                FindFreePort = arguments.FindFreePort,
                RequestTimeout = timeout,
            };

            using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(new TerminalLoggerProvider(error)));
            await using var host = await SpinAppHost.StartAsync(
                app,
                options,
                new SpinAppLoader.LoadOptions { ComponentsToRetain = retain, ExtraEnvironment = arguments.Env, Stdio = stdio },
                loggerFactory,
                cancellationToken);

            foreach (var warning in host.Application.Warnings)
            {
                await error.WriteLineAsync("Warning: " + warning);
            }

            await output.WriteLineAsync();
            await output.WriteAsync(StartupMessages.Format(host.Application, host.BaseUrl));
            await output.FlushAsync(CancellationToken.None);
            onServing?.Invoke(host.BaseUrl);

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (Exception e) when (e is SpinHostException or SpinException or OciException)
        {
            await error.WriteLineAsync("Error: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            if (Directory.Exists(filesRoot))
            {
                Directory.Delete(filesRoot, recursive: true);
            }
        }
    }

    private static OciCache OpenCache(string? cacheDir, string workingDirectory, Func<string, string?> getEnvironment)
    {
        if (cacheDir is not null)
        {
            return string.IsNullOrWhiteSpace(cacheDir)
                ? throw new SpinHostException("--cache-dir is empty: pass a directory, or leave the option out to use $XDG_CACHE_HOME/spindle")
                : new OciCache(Path.GetFullPath(cacheDir, workingDirectory));
        }

        // The same cache as `spindle registry pull` (OciCache.FromEnvironment), read through the injected environment.
        var xdg = getEnvironment("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        return new OciCache(Path.Combine(root, "spindle"));
    }

    private static async Task PrepareVariablesAsync(Spin.Locked.LockedApp app, UpArguments arguments, Func<string, string?> getEnvironment, CancellationToken cancellationToken)
    {
        var pairs = new List<string>();
        foreach (var variable in arguments.Variables)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && variable.AsSpan(equals + 1).StartsWith("@"))
            {
                var file = variable[(equals + 2)..];
                try
                {
                    pairs.Add(variable[..(equals + 1)] + File.ReadAllText(file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new SpinHostException($"--variable {variable}: cannot read '{file}': {e.Message.TrimEnd('.')}. Give NAME=@FILE an existing file, or NAME=VALUE", e);
                }
            }
            else
            {
                pairs.Add(variable);
            }
        }

        var providers = new List<IVariableProvider> { StaticVariableProvider.FromPairs(pairs) };
        var runtimeConfigFile = arguments.RuntimeConfigFile ?? getEnvironment("RUNTIME_CONFIG_FILE");
        if (runtimeConfigFile is not null)
        {
            providers.AddRange(SpinRuntimeConfig.Load(runtimeConfigFile).CreateVariableProviders(getEnvironment));
        }
        else
        {
            providers.Add(new EnvironmentVariableProvider(getEnvironmentVariable: getEnvironment));
        }

        await VariableResolver.ForApp(app, providers).PrepareAsync(cancellationToken);
    }
}
