namespace Spindle.Oci;

/// <summary>
/// The one exception Spindle.Oci throws for registry, artifact and reference problems. The message names the
/// input and says what to do; <see cref="StatusCode"/> and <see cref="RegistryCode"/> carry the registry's answer.
/// </summary>
public sealed class OciException : Exception
{
    public OciException(OciErrorKind kind, string message, int? statusCode = null, string? registryCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
        RegistryCode = registryCode;
    }

    public OciErrorKind Kind { get; }

    /// <summary>The HTTP status of the registry's answer, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>The first error code of the registry's error body (MANIFEST_UNKNOWN, BLOB_UNKNOWN, DENIED, ...).</summary>
    public string? RegistryCode { get; }
}
