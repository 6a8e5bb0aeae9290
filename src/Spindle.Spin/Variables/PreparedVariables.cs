namespace Spindle.Spin.Variables;

/// <summary>All app variables resolved (see <see cref="VariableResolver.PrepareAsync"/>): templates render without I/O.</summary>
public sealed class PreparedVariables
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, Dictionary<string, Template>> _components;

    internal PreparedVariables(Dictionary<string, string> values, Dictionary<string, Dictionary<string, Template>> components)
    {
        _values = values;
        _components = components;
    }

    /// <summary>App variable values by name.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Renders a template (e.g. an <c>allowed_outbound_hosts</c> entry) with the resolved values.</summary>
    public string Render(Template template) => template.Render(Resolve);

    public string Resolve(string name)
        => _values.TryGetValue(name, out var value) ? value : throw new VariableException($"invalid variable name: {name}", name);

    /// <summary>A component variable's value, or null when the component does not define it.</summary>
    public string? TryGetComponentVariable(string componentId, string key)
        => _components.TryGetValue(componentId, out var templates) && templates.TryGetValue(key, out var template) ? Render(template) : null;

    /// <summary>All of a component's variables, rendered.</summary>
    public IReadOnlyDictionary<string, string> GetComponentVariables(string componentId)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_components.TryGetValue(componentId, out var templates))
        {
            foreach (var (key, template) in templates) result[key] = Render(template);
        }

        return result;
    }
}
