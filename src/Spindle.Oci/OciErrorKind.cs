namespace Spindle.Oci;

/// <summary>What went wrong in an OCI operation; callers branch on this, never on message text.</summary>
public enum OciErrorKind
{
    /// <summary>The reference could not be parsed.</summary>
    InvalidReference,
    /// <summary>The registry refused the credentials, or needs some (HTTP 401).</summary>
    Unauthorized,
    /// <summary>The credentials are valid but lack the permission (HTTP 403).</summary>
    Denied,
    /// <summary>The repository, tag, manifest or blob does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>Downloaded content does not match its digest or size.</summary>
    DigestMismatch,
    /// <summary>The manifest exceeds the size limit.</summary>
    ManifestTooLarge,
    /// <summary>The manifest has more layers than registries accept.</summary>
    TooManyLayers,
    /// <summary>The manifest or artifact is not one Spindle can use.</summary>
    InvalidArtifact,
    /// <summary>The application input to push is unusable (missing file, bad locked app).</summary>
    InvalidInput,
    /// <summary>Any other registry answer (HTTP status and registry error code attached).</summary>
    Registry,
    /// <summary>The registry could not be reached after retries.</summary>
    Network,
}
