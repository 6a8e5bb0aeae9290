using System.Globalization;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// The runtime-config Secret spin-operator generates for an app without <c>loadFromSecret</c>: named
/// <c>&lt;app&gt;-&lt;adler32 hex&gt;</c> so a content change is a new Secret and so a rollout.
/// </summary>
internal static class RuntimeConfigSecret
{
    public const string Key = "runtime-config.toml";

    /// <summary>The Secret's name: the app name, a dash and the checksum in lower-case hex without padding.</summary>
    public static string Name(string appName, ReadOnlySpan<byte> toml) =>
        appName + "-" + Adler32.Checksum(toml).ToString("x", CultureInfo.InvariantCulture);

    public static Secret Construct(SpinApp app, byte[] toml)
    {
        var name = app.Metadata.Name ?? "";
        return new Secret
        {
            Metadata = new ObjectMeta
            {
                Name = Name(name, toml),
                Namespace = app.Metadata.Namespace,
                Labels = new Dictionary<string, string> { [SpinKube.NameLabelKey(SpinKube.GroupOf(app.ApiVersion))] = name },
                OwnerReferences = [Owners.Plain(app)],
            },
            Data = new Dictionary<string, byte[]> { [Key] = toml },
        };
    }
}
