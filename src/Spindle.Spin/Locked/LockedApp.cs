using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>
/// A fully resolved Spin application, the JSON Spin writes as <c>spin.lock</c> (Spin's <c>LockedApp</c>):
/// what the host runs and what the OCI layout carries. Serializes to the same shape as Spin: empty maps and
/// lists omitted, <c>spin_lock_version</c> 0 unless <c>must_understand</c>/<c>host_requirements</c> are present.
/// </summary>
public sealed class LockedApp
{
    /// <summary>Host features this implementation supports in <c>host_requirements</c>.</summary>
    public static IReadOnlyList<string> SupportedHostRequirements { get; } = ["local_service_chaining", "middleware"];

    private static readonly string[] KnownMustUnderstand = ["host_requirements", "component_host_requirements"];

    /// <summary>0, or 1 when <see cref="MustUnderstand"/> or <see cref="HostRequirements"/> is non-empty.</summary>
    [JsonPropertyName("spin_lock_version")]
    public int SpinLockVersion
    {
        get => MustUnderstand.Count == 0 && HostRequirements.Count == 0 ? 0 : 1;
        init => ReadVersion = value;
    }

    [JsonPropertyName("must_understand")]
    public List<string> MustUnderstand { get; set; } = [];

    /// <summary><c>name</c>, <c>version</c>, <c>description</c>, <c>authors</c>, <c>origin</c>, <c>triggers</c>, <c>trigger</c>...</summary>
    [JsonPropertyName("metadata")]
    public JsonObject Metadata { get; set; } = [];

    [JsonPropertyName("host_requirements")]
    public JsonObject HostRequirements { get; set; } = [];

    [JsonPropertyName("variables")]
    public SortedDictionary<string, LockedVariable> Variables { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("triggers")]
    public List<LockedTrigger> Triggers { get; set; } = [];

    [JsonPropertyName("components")]
    public List<LockedComponent> Components { get; set; } = [];

    [JsonIgnore]
    internal int ReadVersion { get; private init; }

    /// <summary>The application name from the metadata.</summary>
    [JsonIgnore]
    public string? Name => Metadata["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public LockedComponent? FindComponent(string id)
    {
        foreach (var component in Components)
        {
            if (component.Id == id) return component;
        }

        return null;
    }

    /// <summary>Reads spin.lock JSON, rejecting versions, <c>must_understand</c> entries and host requirements this host does not support.</summary>
    public static LockedApp FromJson(ReadOnlySpan<byte> json)
    {
        LockedApp? app;
        try
        {
            app = JsonSerializer.Deserialize(json, LockedAppJson.Options.GetTypeInfo(typeof(LockedApp))) as LockedApp;
        }
        catch (JsonException e)
        {
            throw new LockedAppException($"invalid locked app JSON: {e.Message}", e);
        }

        if (app is null) throw new LockedAppException("invalid locked app JSON: null");
        app.Check();
        return app;
    }

    public static LockedApp FromFile(string path)
    {
        try
        {
            return FromJson(File.ReadAllBytes(path));
        }
        catch (LockedAppException e)
        {
            throw new LockedAppException($"{path}: {e.Message}", e.InnerException);
        }
    }

    /// <summary>Pretty-printed JSON (2-space indent), the same layout as Spin's <c>serde_json::to_vec_pretty</c>.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, LockedAppJson.Options.GetTypeInfo(typeof(LockedApp)));

    public string ToJsonString() => System.Text.Encoding.UTF8.GetString(ToJson());

    /// <summary>Writes the JSON to <paramref name="path"/> (Spin writes <c>&lt;working-dir&gt;/spin.lock</c>).</summary>
    public Task WriteFileAsync(string path, CancellationToken cancellationToken) => File.WriteAllBytesAsync(path, ToJson(), cancellationToken);

    private void Check()
    {
        if (ReadVersion > 1) throw new LockedAppException($"invalid version {ReadVersion} > 1 in spin_lock_version");
        foreach (var entry in MustUnderstand)
        {
            if (Array.IndexOf(KnownMustUnderstand, entry) < 0)
            {
                throw new LockedAppException($"unknown variant `{entry}`, expected `host_requirements` or `component_host_requirements` in must_understand");
            }
        }

        CheckHostRequirements(HostRequirements);
        foreach (var component in Components)
        {
            CheckHostRequirements(component.HostRequirements);
        }
    }

    private static void CheckHostRequirements(JsonObject requirements)
    {
        List<string>? unsupported = null;
        List<string>? optional = null;
        foreach (var (key, value) in requirements)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == "optional")
            {
                (optional ??= []).Add(key);
            }
            else if (!SupportedHostRequirements.Contains(key))
            {
                (unsupported ??= []).Add(key);
            }
        }

        if (unsupported is not null)
        {
            throw new LockedAppException($"This version of Spin does not support the following features required by this application: {string.Join(", ", unsupported)}");
        }

        // "optional" is the same as absent (Spin drops such entries when reading).
        if (optional is not null)
        {
            foreach (var key in optional) requirements.Remove(key);
        }
    }
}
