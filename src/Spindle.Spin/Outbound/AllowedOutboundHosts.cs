using Spindle.Spin.Locked;
using Spindle.Spin.Variables;

namespace Spindle.Spin.Outbound;

/// <summary>
/// A component's parsed <c>allowed_outbound_hosts</c>: a request is allowed when any entry allows it; an empty
/// list allows nothing. Entries with <c>{{ variable }}</c> templates are resolved against the app's variables;
/// an entry resolving to <c>""</c>, <c>"http://"</c> or <c>"https://"</c> is dropped (an optional endpoint).
/// </summary>
public sealed class AllowedOutboundHosts
{
    public static AllowedOutboundHosts None { get; } = new([]);

    private readonly AllowedHost[] _hosts;

    private AllowedOutboundHosts(AllowedHost[] hosts) => _hosts = hosts;

    public IReadOnlyList<AllowedHost> Hosts => _hosts;

    /// <summary>Parses the entries, resolving templates through <paramref name="resolveVariable"/>; throws with Spin's message.</summary>
    public static AllowedOutboundHosts Parse(IEnumerable<string> entries, Func<string, string>? resolveVariable = null)
    {
        var list = entries as IReadOnlyList<string> ?? [.. entries];
        if (list.Count == 1 && list[0] == "insecure:allow-all") throw new OutboundHostsException(InsecureAllowAll);
        var hosts = new List<AllowedHost>(list.Count);
        foreach (var entry in list)
        {
            var template = Template.TryParse(entry, out var t, out var templateError)
                ? t
                : throw new OutboundHostsException($"invalid variable template: {templateError}");
            var text = entry;
            if (!template.IsLiteral)
            {
                if (resolveVariable is null) throw new OutboundHostsException($"{RustDebug.String(entry)} uses variables but no variable values were given");
                text = template.Render(resolveVariable);
                if (text is "" or "http://" or "https://") continue;
            }

            hosts.Add(AllowedHost.Parse(text));
        }

        return new AllowedOutboundHosts([.. hosts]);
    }

    /// <summary>A locked component's <c>allowed_outbound_hosts</c> metadata, with templates resolved.</summary>
    public static AllowedOutboundHosts ForComponent(LockedComponent component, PreparedVariables variables)
        => Parse(component.GetMetadataStrings("allowed_outbound_hosts"), variables.Resolve);

    /// <summary>
    /// Checks the entries without resolving templates (literal entries are parsed, templated ones only checked
    /// for template syntax) and returns Spin's message for each invalid entry, with its index.
    /// </summary>
    public static IReadOnlyList<(int Index, string Message)> Validate(IReadOnlyList<string> entries)
    {
        var errors = new List<(int, string)>();
        if (entries.Count == 1 && entries[0] == "insecure:allow-all")
        {
            errors.Add((0, InsecureAllowAll));
            return errors;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (!Template.TryParse(entries[i], out var template, out var templateError))
            {
                errors.Add((i, $"invalid variable template: {templateError}"));
            }
            else if (template.IsLiteral && !AllowedHost.TryParse(entries[i], out _, out var error))
            {
                errors.Add((i, error));
            }
        }

        return errors;
    }

    public bool Allows(OutboundUrl url)
    {
        foreach (var host in _hosts)
        {
            if (host.Allows(url)) return true;
        }

        return false;
    }

    /// <summary>Parses <paramref name="url"/> with <paramref name="defaultScheme"/> and checks it.</summary>
    public bool Allows(string url, string defaultScheme) => Allows(OutboundUrl.Parse(url, defaultScheme));

    /// <summary>Whether relative (self) requests over one of <paramref name="schemes"/> are allowed.</summary>
    public bool AllowsRelative(params ReadOnlySpan<string> schemes)
    {
        foreach (var host in _hosts)
        {
            if (host.AllowsRelative(schemes)) return true;
        }

        return false;
    }

    /// <summary>
    /// The component ids this list may reach by local service chaining: every id for <c>*.spin.internal</c>
    /// (or a <c>*</c> host), else those named as <c>&lt;id&gt;.spin.internal</c>.
    /// </summary>
    public IReadOnlyList<string> ServiceChainingTargets(IEnumerable<string> componentIds)
    {
        var result = new List<string>();
        foreach (var id in componentIds)
        {
            var url = OutboundUrl.Parse($"http://{id}.spin.internal", "http");
            if (Allows(url)) result.Add(id);
        }

        return result;
    }

    internal const string InsecureAllowAll = "'insecure:allow-all' is not allowed - use '*://*:*' instead if you really want to allow all outbound traffic'";
}
