namespace Spindle.Oci;

/// <summary>The outcome of a push: the manifest digest (`Pushed with digest ...`) and what was sent.</summary>
public sealed record PushResult(ImageReference Reference, string Digest, int Layers, int UploadedBlobs, int SkippedBlobs);
