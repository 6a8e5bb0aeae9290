using Spindle.Oci.Manifest;

namespace Spindle.Oci.Artifact;

/// <summary>A blob of an artifact to push: its descriptor and where its bytes are (a file, streamed, or in memory).</summary>
internal sealed record ArtifactLayer(OciDescriptor Descriptor, string? FilePath, byte[]? Content)
{
    public static ArtifactLayer FromBytes(string mediaType, byte[] content) =>
        new(new OciDescriptor(mediaType, Digests.Sha256(content), content.Length), null, content);

    public Stream Open() => Content is not null
        ? new MemoryStream(Content, writable: false)
        : new FileStream(FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
}
