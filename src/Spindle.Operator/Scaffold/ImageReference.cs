using System.Text.RegularExpressions;

namespace Spindle.Operator.Scaffold;

/// <summary>
/// An OCI image reference checked against the Docker distribution grammar
/// (<c>[domain/]path[:tag][@digest]</c>), as `spin kube scaffold` checks <c>--from</c>.
/// </summary>
internal sealed partial class ImageReference
{
    private ImageReference(string domain, string path, string? tag, string? digest)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host (and port), or empty when the reference names Docker Hub implicitly.</summary>
    public string Domain { get; }

    /// <summary>The repository path without the registry, e.g. <c>foo/example-app</c>.</summary>
    public string Path { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>The last path segment: the app name scaffold derives (<c>ttl.sh/hello-spinkube@sha256:..</c> → <c>hello-spinkube</c>).</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public static bool TryParse(string reference, out ImageReference? result)
    {
        result = null;
        if (string.IsNullOrEmpty(reference) || reference.Length > 255 + 128 + 80) return false;
        var match = ReferencePattern().Match(reference);
        if (!match.Success) return false;

        var name = match.Groups["name"].Value;
        string domain = "", path = name;
        var slash = name.IndexOf('/');
        // As in distribution's splitDomain: the first segment is a registry only when it looks like a host.
        if (slash > 0)
        {
            var first = name[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsUpper))
            {
                domain = first;
                path = name[(slash + 1)..];
            }
        }

        if (path.Any(char.IsUpper)) return false;
        result = new ImageReference(
            domain,
            path,
            match.Groups["tag"].Success ? match.Groups["tag"].Value : null,
            match.Groups["digest"].Success ? match.Groups["digest"].Value : null);
        return true;
    }

    // distribution/reference: domain components allow upper case, path components do not (checked above).
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
