namespace Spindle.Spin.Locked;

/// <summary>A file a component may read: where it is on the host and where the guest sees it (relative to <c>/</c>).</summary>
public sealed record ResolvedFile(string SourcePath, string GuestPath);
