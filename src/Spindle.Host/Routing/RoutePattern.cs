namespace Spindle.Host.Routing;

/// <summary>
/// A route in routefinder's form (Spin's router crate): slash-separated exact segments, <c>:name</c> parameters and
/// an optional trailing <c>*</c>. Trailing slashes are ignored when matching; matching is on the raw path.
/// </summary>
internal sealed class RoutePattern
{
    private readonly RouteSegment[] _segments;

    private RoutePattern(RouteSegment[] segments) => _segments = segments;

    public IReadOnlyList<RouteSegment> Segments => _segments;

    public bool HasTrailingWildcard => _segments.Length > 0 && _segments[^1].Kind == RouteSegmentKind.Wildcard;

    /// <summary>Parses a routefinder spec such as <c>/users/:id/*</c>; null with a reason when it is malformed.</summary>
    public static RoutePattern? TryParse(string spec, out string? error)
    {
        var text = spec.AsSpan().TrimStart('/');
        if (text.EndsWith("/", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        var segments = new List<RouteSegment>();
        while (text.Length > 0)
        {
            var slash = text.IndexOf('/');
            var piece = slash < 0 ? text : text[..slash];
            text = slash < 0 ? [] : text[(slash + 1)..];
            if (piece is "*")
            {
                if (text.Length > 0)
                {
                    error = "a wildcard ('...' or '*') is only allowed as the last segment";
                    return null;
                }

                segments.Add(new RouteSegment(RouteSegmentKind.Wildcard, "*"));
            }
            else if (piece.StartsWith(":", StringComparison.Ordinal))
            {
                if (piece.Length == 1)
                {
                    error = "a ':' segment needs a name, as in '/users/:id'";
                    return null;
                }

                segments.Add(new RouteSegment(RouteSegmentKind.Param, piece[1..].ToString()));
            }
            else
            {
                segments.Add(new RouteSegment(RouteSegmentKind.Exact, piece.ToString()));
            }
        }

        error = null;
        return new RoutePattern([.. segments]);
    }

    /// <summary>
    /// Matches <paramref name="path"/>; on success <paramref name="wildcard"/> is what the trailing <c>*</c> captured
    /// (without leading or trailing slash, as routefinder gives it) and <paramref name="captures"/> the named segments.
    /// </summary>
    public bool TryMatch(string path, out string? wildcard, out List<KeyValuePair<string, string>>? captures)
    {
        wildcard = null;
        captures = null;
        var rest = path.AsSpan();
        var start = rest.Length > 0 && rest[0] == '/' ? 1 : 0;
        var end = rest.Length > start && rest[^1] == '/' ? rest.Length - 1 : rest.Length;
        var position = start;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == RouteSegmentKind.Wildcard)
            {
                wildcard = position >= end ? "" : path[position..end];
                return true;
            }

            if (position >= end)
            {
                return false;
            }

            var slash = path.AsSpan(position, end - position).IndexOf('/');
            var pieceEnd = slash < 0 ? end : position + slash;
            var piece = path.AsSpan(position, pieceEnd - position);
            if (segment.Kind == RouteSegmentKind.Exact)
            {
                if (!piece.SequenceEqual(segment.Text))
                {
                    return false;
                }
            }
            else
            {
                if (piece.Length == 0)
                {
                    return false;
                }

                (captures ??= []).Add(new(segment.Text, piece.ToString()));
            }

            position = pieceEnd + 1;
        }

        return position >= end;
    }

    /// <summary>
    /// routefinder's precedence: segment by segment, exact beats parameter beats wildcard; when one route is a
    /// prefix of the other, the shorter one (no trailing wildcard) wins. Positive when this route is more specific.
    /// </summary>
    public int CompareSpecificity(RoutePattern other)
    {
        var common = Math.Min(_segments.Length, other._segments.Length);
        for (var i = 0; i < common; i++)
        {
            var difference = _segments[i].Kind - other._segments[i].Kind;
            if (difference != 0)
            {
                return difference;
            }
        }

        return other._segments.Length - _segments.Length;
    }
}
