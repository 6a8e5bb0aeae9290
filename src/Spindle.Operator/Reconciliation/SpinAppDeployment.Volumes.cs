using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

internal static partial class SpinAppDeployment
{
    public const string RuntimeConfigVolume = "spin-runtime-config";

    public const string CaVolume = "spin-ca";

    public const string CaKey = "ca-certificates.crt";

    /// <summary>
    /// Volumes and mounts in spin-operator's order: the runtime config (generated or the user's Secret), the user's
    /// own, then the CA bundle. Both Secrets are optional so a pod starts while they are being created.
    /// </summary>
    public static (List<Volume> Volumes, List<VolumeMount> Mounts) ConstructVolumeMounts(
        SpinApp app, string? generatedRuntimeConfigSecret, string? caSecretName)
    {
        var userSecret = app.Spec.RuntimeConfig?.LoadFromSecret;
        if (!string.IsNullOrEmpty(generatedRuntimeConfigSecret) && !string.IsNullOrEmpty(userSecret))
        {
            throw new ReconcileException("cannot specify both a user-provided runtime secret and a generated one");
        }

        var volumes = new List<Volume>();
        var mounts = new List<VolumeMount>();
        var runtimeSecret = string.IsNullOrEmpty(generatedRuntimeConfigSecret) ? userSecret : generatedRuntimeConfigSecret;
        if (!string.IsNullOrEmpty(runtimeSecret))
        {
            volumes.Add(SecretVolume(RuntimeConfigVolume, runtimeSecret, RuntimeConfigSecret.Key));
            mounts.Add(new VolumeMount
            {
                Name = RuntimeConfigVolume, ReadOnly = true, MountPath = "/" + RuntimeConfigSecret.Key, SubPath = RuntimeConfigSecret.Key,
            });
        }

        volumes.AddRange(app.Spec.Volumes ?? []);
        mounts.AddRange(app.Spec.VolumeMounts ?? []);
        if (!string.IsNullOrEmpty(caSecretName))
        {
            volumes.Add(SecretVolume(CaVolume, caSecretName, CaKey));
            mounts.Add(new VolumeMount { Name = CaVolume, ReadOnly = true, MountPath = "/etc/ssl/certs/" + CaKey, SubPath = CaKey });
        }

        return (volumes, mounts);
    }

    private static Volume SecretVolume(string name, string secretName, string key) => new()
    {
        Name = name,
        Secret = new SecretVolumeSource
        {
            SecretName = secretName,
            Optional = true,
            Items = [new KeyToPath { Key = key, Path = key }],
        },
    };
}
