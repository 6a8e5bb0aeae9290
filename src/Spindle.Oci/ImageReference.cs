namespace Spindle.Oci;

/// <summary>
/// A parsed image reference <c>[registry[:port]/]repository[:tag][@digest]</c> with Docker's defaults: no
/// registry means docker.io, a one-part docker.io repository gets "library/", neither tag nor digest means "latest".
/// </summary>
public sealed record ImageReference
{
    public const string DockerHub = "docker.io";
    /// <summary>Where Docker Hub's API and credentials live (Spin and oci-client map docker.io here).</summary>
    public const string DockerHubIndex = "index.docker.io";
    public const string DefaultTag = "latest";
    private const int MaxNameLength = 255;

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry as written, or docker.io: "ghcr.io", "localhost:5000".</summary>
    public string Registry { get; }

    /// <summary>The repository path: "library/nginx", "spinframework/hello".</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when only a digest was given.</summary>
    public string? Tag { get; }

    /// <summary>The digest ("sha256:..."), when given.</summary>
    public string? Digest { get; }

    /// <summary>The host the API is called on and credentials are stored under (docker.io becomes index.docker.io).</summary>
    public string RegistryHost => Registry == DockerHub ? DockerHubIndex : Registry;

    /// <summary>What manifest requests name: the digest when given (it pins content), else the tag.</summary>
    public string ManifestReference => Digest ?? Tag ?? DefaultTag;

    public static ImageReference Parse(string reference) =>
        TryParse(reference, out var parsed, out var error) ? parsed : throw new OciException(OciErrorKind.InvalidReference, error);

    public static bool TryParse(string reference, out ImageReference parsed, out string error)
    {
        parsed = null!;
        error = Validate(reference, out var registry, out var repository, out var tag, out var digest) ?? "";
        if (error.Length > 0) return false;
        parsed = new ImageReference(registry, repository, tag, digest);
        return true;
    }

    /// <summary>The same repository with another tag (and no digest).</summary>
    public ImageReference WithTag(string tag) => new(Registry, Repository, tag, null);

    public override string ToString()
    {
        var text = $"{Registry}/{Repository}";
        if (Tag is not null) text += ":" + Tag;
        if (Digest is not null) text += "@" + Digest;
        return text;
    }

    private static string? Validate(string input, out string registry, out string repository, out string? tag, out string? digest)
    {
        registry = DockerHub;
        repository = "";
        tag = null;
        digest = null;
        string Fail(string why) => $"invalid reference \"{input}\": {why}. Expected [registry[:port]/]repository[:tag][@sha256:digest], e.g. ghcr.io/user/app:v1 or localhost:5000/app:latest";

        if (string.IsNullOrWhiteSpace(input)) return Fail("it is empty");
        if (input.Contains("://", StringComparison.Ordinal)) return Fail("leave out the scheme (https://); use -k/--insecure for plain HTTP");
        var rest = input;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!IsDigest(digest)) return Fail($"digest \"{digest}\" is not algorithm:hex (sha256: and 64 lowercase hex digits)");
        }

        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!IsTag(tag)) return Fail($"tag \"{tag}\" must be 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'");
        }

        var firstSlash = rest.IndexOf('/');
        if (firstSlash > 0)
        {
            var first = rest[..firstSlash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.AsSpan().ContainsAnyInRange('A', 'Z'))
            {
                registry = first;
                rest = rest[(firstSlash + 1)..];
                if (!IsHost(registry)) return Fail($"registry \"{registry}\" is not host[:port]");
            }
        }

        if (rest.Length == 0) return Fail("the repository name is missing");
        foreach (var component in rest.Split('/'))
        {
            if (!IsPathComponent(component))
            {
                return Fail($"repository component \"{component}\" must be lowercase letters and digits separated by '.', '_', '__' or '-'");
            }
        }

        if (registry == DockerHub && !rest.Contains('/')) rest = "library/" + rest;
        if (registry.Length + 1 + rest.Length > MaxNameLength) return Fail($"the name is longer than {MaxNameLength} characters");
        repository = rest;
        if (tag is null && digest is null) tag = DefaultTag;
        return null;
    }

    private static bool IsDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0 || colon == digest.Length - 1) return false;
        if (digest.StartsWith(Digests.Sha256Prefix, StringComparison.Ordinal)) return Digests.IsSha256(digest);
        if (!char.IsAsciiLetter(digest[0])) return false;
        foreach (var c in digest.AsSpan(0, colon))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '+' or '.')) return false;
        }

        var hex = digest.AsSpan(colon + 1);
        if (hex.Length < 32) return false;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }

        return true;
    }

    private static bool IsTag(string tag)
    {
        if (tag.Length is 0 or > 128 || tag[0] is '.' or '-') return false;
        foreach (var c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-')) return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="host"/> is a registry <c>host[:port]</c> (DNS name, IPv4 or [IPv6]).</summary>
    internal static bool IsHost(string host)
    {
        var colon = host.LastIndexOf(':');
        var name = colon >= 0 ? host[..colon] : host;
        if (colon >= 0 && (!int.TryParse(host.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)) return false;
        if (name.StartsWith('[') && name.EndsWith(']')) return true;
        if (name.Length == 0) return false;
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            }
        }

        return true;
    }

    // distribution's path-component: [a-z0-9]+ ( ( '.' | '_' | '__' | '-'+ ) [a-z0-9]+ )*
    private static bool IsPathComponent(string component)
    {
        if (component.Length == 0 || !IsAlnumLower(component[0]) || !IsAlnumLower(component[^1])) return false;
        for (var i = 1; i < component.Length; i++)
        {
            var c = component[i];
            if (IsAlnumLower(c)) continue;
            if (c == '-')
            {
                if (component[i - 1] is '.' or '_') return false;
                continue;
            }

            if (c is '.' or '_')
            {
                var prev = component[i - 1];
                if (!IsAlnumLower(prev) && !(c == '_' && prev == '_' && i >= 2 && IsAlnumLower(component[i - 2]))) return false;
                if (c == '.' && !IsAlnumLower(component[i + 1])) return false;
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsAlnumLower(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
