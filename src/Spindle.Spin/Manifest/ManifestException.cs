namespace Spindle.Spin.Manifest;

/// <summary>A manifest could not be loaded; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class ManifestException : SpinException
{
    public ManifestException(IReadOnlyList<ManifestError> errors) : base(Format(errors)) => Errors = errors;

    public ManifestException(string file, string message, Exception? innerException = null)
        : base($"{file}: {message}", innerException) => Errors = [new ManifestError(file, 0, 0, message)];

    public IReadOnlyList<ManifestError> Errors { get; }

    private static string Format(IReadOnlyList<ManifestError> errors)
    {
        if (errors.Count == 0) return "invalid manifest";
        var builder = new System.Text.StringBuilder();
        builder.Append(errors.Count == 1 ? "1 error" : $"{errors.Count} errors").Append(" in ").Append(errors[0].File).Append(':');
        foreach (var error in errors) builder.Append('\n').Append(error);
        return builder.ToString();
    }
}
