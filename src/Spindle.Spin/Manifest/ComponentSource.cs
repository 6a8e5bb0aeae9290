namespace Spindle.Spin.Manifest;

/// <summary>Where a component's Wasm comes from.</summary>
public sealed class ComponentSource
{
    public ComponentSourceKind Kind { get; init; }

    public string? Path { get; init; }

    public string? Url { get; init; }

    public string? Digest { get; init; }

    public string? Registry { get; init; }

    public string? Package { get; init; }

    public string? Version { get; init; }

    public static ComponentSource FromPath(string path) => new() { Kind = ComponentSourceKind.Local, Path = path };

    /// <summary>As Spin prints it in messages.</summary>
    public override string ToString() => Kind switch
    {
        ComponentSourceKind.Local => RustDebug.String(Path ?? ""),
        ComponentSourceKind.Remote => $"{RustDebug.String(Url ?? "")} with digest {RustDebug.String(Digest ?? "")}",
        _ => $"\"{Package}@{Version}\" from {(Registry is null ? "default registry" : $"registry {RustDebug.String(Registry)}")}",
    };
}
