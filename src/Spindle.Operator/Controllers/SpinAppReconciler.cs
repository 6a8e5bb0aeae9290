using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Controllers;
using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Controllers;

/// <summary>
/// Reconciles one SpinApp as spin-operator's SpinAppReconciler: find the executor (else a MissingExecutor event and a
/// retry), write status, then server-side apply the runtime-config Secret, the Deployment and the Service.
/// </summary>
internal sealed partial class SpinAppReconciler(
    OperatorResources resources,
    string group,
    Informer<SpinApp> apps,
    Informer<SpinAppExecutor> executors,
    Informer<Deployment> deployments,
    Informer<Service> services,
    EventRecorder events,
    Func<string> caBundle,
    TimeProvider time,
    ILogger logger)
{
    private static readonly ApplyOptions Apply = new(SpinKube.FieldManager, Force: true);
    private readonly ResourceClient<SpinApp> _spinApps = resources.SpinApps(group);
    private readonly ResourceClient<SpinAppExecutor> _executorClient = resources.Executors(group);

    public async Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var app = apps.TryGet(key);
        if (app is null) return null;
        var ns = app.Metadata.Namespace ?? "";
        var name = app.Metadata.Name ?? "";

        // The cache may lag a just-created executor: ask the API server before reporting it missing.
        var executor = executors.TryGet(new ObjectKey(ns, app.Spec.Executor))
            ?? (app.Spec.Executor.Length == 0 ? null : await _executorClient.TryGetAsync(ns, app.Spec.Executor, cancellationToken));
        if (executor is null)
        {
            await events.WarningAsync(app, "MissingExecutor", $"Could not find SpinAppExecutor {ns}/{app.Spec.Executor}", cancellationToken);
            throw new ReconcileException($"SpinApp {ns}/{name}: SpinAppExecutor '{app.Spec.Executor}' not found in namespace '{ns}': create it or fix spec.executor");
        }

        await UpdateStatusAsync(app, executor, cancellationToken);

        // Children go with the app through their owner references: nothing to clean up here.
        if (app.Metadata.DeletionTimestamp is not null) return null;

        if (executor.Spec.CreateDeployment)
        {
            await ReconcileDeploymentAsync(app, executor.Spec.DeploymentConfig ?? new ExecutorDeploymentConfig(), cancellationToken);
        }
        else
        {
            await resources.Deployments.DeleteAsync(ns, name, cancellationToken: cancellationToken);
        }

        await resources.Services.ApplyAsync(SpinAppService.Construct(app), Apply, cancellationToken);
        return null;
    }

    private async Task UpdateStatusAsync(SpinApp app, SpinAppExecutor executor, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(app);
        var status = SpinAppStatusBuilder.Compute(app, executor, deployments.TryGet(key), services.TryGet(key), time.GetUtcNow());
        if (status is null) return;

        var next = JsonSerializer.SerializeToNode(status, OperatorJsonContext.Default.SpinAppStatus)!;
        var current = app.Status is null ? null : JsonSerializer.SerializeToNode(app.Status, OperatorJsonContext.Default.SpinAppStatus);
        if (current is not null && JsonNode.DeepEquals(current, next)) return;
        try
        {
            await _spinApps.MergePatchStatusAsync(app.Metadata.Namespace, app.Metadata.Name!, new JsonObject { ["status"] = next }, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            // As spin-operator: a failed status write is logged; the next reconcile writes it again.
            Log.StatusFailed(logger, app.Metadata.Namespace, app.Metadata.Name, e);
        }
    }

    private async Task ReconcileDeploymentAsync(SpinApp app, ExecutorDeploymentConfig config, CancellationToken cancellationToken)
    {
        var ns = app.Metadata.Namespace ?? "";
        var toml = await BuildRuntimeConfigAsync(app, cancellationToken);
        var secret = toml is null ? null : RuntimeConfigSecret.Construct(app, toml);
        var caSecret = CaSecret.NameFor(config);

        // Built before anything is written: an app the executor cannot run leaves nothing half-applied.
        var deployment = SpinAppDeployment.Construct(app, config, secret?.Metadata.Name, caSecret);

        if (secret is not null)
        {
            try
            {
                // Content-addressed: an existing Secret of this name already holds these bytes.
                await resources.Secrets.CreateAsync(secret, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
            }
        }

        if (config.InstallDefaultCACerts && caSecret is not null)
        {
            await EnsureCaSecretAsync(ns, caSecret, cancellationToken);
        }

        await resources.Deployments.ApplyAsync(deployment, Apply, cancellationToken);
    }

    private async Task<byte[]?> BuildRuntimeConfigAsync(SpinApp app, CancellationToken cancellationToken)
    {
        var ns = app.Metadata.Namespace ?? "";
        var config = app.Spec.RuntimeConfig;
        if (!string.IsNullOrEmpty(config?.LoadFromSecret)) return null;

        var (secretNames, configMapNames) = RuntimeConfigBuilder.Dependencies(config);
        var secrets = new Dictionary<string, IDictionary<string, byte[]>>();
        var configMaps = new Dictionary<string, IDictionary<string, string>>();
        var secretTasks = secretNames.Select(n => resources.Secrets.GetAsync(ns, n, cancellationToken)).ToList();
        var configMapTasks = configMapNames.Select(n => resources.ConfigMaps.GetAsync(ns, n, cancellationToken)).ToList();
        try
        {
            foreach (var secret in await Task.WhenAll(secretTasks)) secrets[secret.Metadata.Name!] = secret.Data ?? new Dictionary<string, byte[]>();
            foreach (var configMap in await Task.WhenAll(configMapTasks)) configMaps[configMap.Metadata.Name!] = configMap.Data ?? new Dictionary<string, string>();
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            throw new ReconcileException($"SpinApp {ns}/{app.Metadata.Name}: runtime config reads a Secret or ConfigMap that does not exist ({e.Status.Message})", e);
        }

        return RuntimeConfigBuilder.Build(config, secrets, configMaps);
    }

    private async Task EnsureCaSecretAsync(string ns, string name, CancellationToken cancellationToken)
    {
        if (await resources.Secrets.TryGetAsync(ns, name, cancellationToken) is not null) return;
        try
        {
            await resources.Secrets.CreateAsync(CaSecret.Construct(ns, name, caBundle()), cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Failed to update status of SpinApp {Namespace}/{Name}")]
        public static partial void StatusFailed(ILogger logger, string? @namespace, string? name, Exception exception);
    }
}
