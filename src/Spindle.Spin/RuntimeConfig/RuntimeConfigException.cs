using Spindle.Spin.Manifest;

namespace Spindle.Spin.RuntimeConfig;

/// <summary>A runtime-config.toml could not be loaded; <see cref="Errors"/> lists every problem with its position.</summary>
public sealed class RuntimeConfigException : SpinException
{
    public RuntimeConfigException(IReadOnlyList<ManifestError> errors)
        : base(errors.Count == 0 ? "invalid runtime config" : $"{(errors.Count == 1 ? "1 error" : $"{errors.Count} errors")} in {errors[0].File}:\n{string.Join("\n", errors)}")
        => Errors = errors;

    public IReadOnlyList<ManifestError> Errors { get; }
}
