namespace Spindle.Oci.Manifest;

/// <summary>An OCI content descriptor: what a manifest says about its config and each layer.</summary>
internal sealed record OciDescriptor(string MediaType, string Digest, long Size)
{
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
