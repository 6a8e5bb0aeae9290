using Spindle.Spin.Locked;

namespace Spindle.Spin.Variables;

/// <summary>
/// Resolves application variables through providers (first provider with a value wins, then the variable's
/// <c>default</c>) and component variables as templates over them, as Spin's <c>ProviderResolver</c> does.
/// </summary>
public sealed class VariableResolver
{
    private readonly IReadOnlyDictionary<string, LockedVariable> _variables;
    private readonly IReadOnlyList<IVariableProvider> _providers;
    private readonly Dictionary<string, Dictionary<string, Template>> _components = new(StringComparer.Ordinal);

    public VariableResolver(IReadOnlyDictionary<string, LockedVariable> variables, IEnumerable<IVariableProvider> providers)
    {
        foreach (var name in variables.Keys)
        {
            if (SpinId.ValidateVariableName(name) is { } reason)
            {
                throw new VariableException($"invalid variable name: {RustDebug.String(name)}: {reason}", name);
            }
        }

        _variables = variables;
        _providers = [.. providers];
    }

    /// <summary>A resolver for a locked app, with its components' variables added.</summary>
    public static VariableResolver ForApp(LockedApp app, IEnumerable<IVariableProvider> providers)
    {
        var resolver = new VariableResolver(app.Variables, providers);
        foreach (var component in app.Components)
        {
            resolver.AddComponentVariables(component.Id, component.Config);
        }

        return resolver;
    }

    /// <summary>Adds a component's <c>variables</c>, checking names and that templates only use known app variables.</summary>
    public void AddComponentVariables(string componentId, IEnumerable<KeyValuePair<string, string>> variables)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            if (SpinId.ValidateVariableName(key) is { } reason)
            {
                throw new VariableException($"invalid variable name: {RustDebug.String(key)}: {reason}", key);
            }

            templates[key] = ParseTemplate(value);
        }

        _components[componentId] = templates;
    }

    /// <summary>
    /// Resolves every app variable now, so a missing required variable is reported at load (naming each one)
    /// rather than on the first request.
    /// </summary>
    public async Task<PreparedVariables> PrepareAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var name in _variables.Keys)
        {
            var value = await TryResolveVariableAsync(name, cancellationToken).ConfigureAwait(false);
            if (value is null) (missing ??= []).Add(name);
            else values[name] = value;
        }

        if (missing is not null)
        {
            var lines = new List<string>(missing.Count);
            foreach (var name in missing) lines.Add(MissingMessage(name));
            throw new VariableException(string.Join("\n", lines), missing[0]);
        }

        return new PreparedVariables(values, _components);
    }

    /// <summary>Resolves one component variable (what a guest's <c>variables.get</c> returns).</summary>
    public async Task<string> ResolveAsync(string componentId, string key, CancellationToken cancellationToken)
    {
        if (!_components.TryGetValue(componentId, out var templates))
        {
            throw new VariableException($"undefined variable: no variable for component {RustDebug.String(componentId)}", key);
        }

        if (!templates.TryGetValue(key, out var template))
        {
            throw new VariableException($"undefined variable: no variable for {RustDebug.String(componentId)}.{RustDebug.String(key)}", key);
        }

        return await ResolveTemplateAsync(template, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> ResolveTemplateAsync(Template template, CancellationToken cancellationToken)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            if (!part.IsExpression)
            {
                builder.Append(part.Text);
                continue;
            }

            if (!_variables.ContainsKey(part.Text)) throw new VariableException($"invalid variable name: {part.Text}", part.Text);
            builder.Append(await TryResolveVariableAsync(part.Text, cancellationToken).ConfigureAwait(false)
                ?? throw new VariableException(MissingMessage(part.Text), part.Text));
        }

        return builder.ToString();
    }

    internal static string MissingMessage(string name) => $"no provider resolved required variable {RustDebug.String(name)}";

    private Template ParseTemplate(string value)
    {
        if (!Template.TryParse(value, out var template, out var error)) throw new VariableException($"invalid variable template: {error}");
        foreach (var name in template.VariableNames)
        {
            if (!_variables.ContainsKey(name))
            {
                throw new VariableException($"invalid variable template: unknown variable {RustDebug.String(name)}", name);
            }
        }

        return template;
    }

    private async ValueTask<string?> TryResolveVariableAsync(string name, CancellationToken cancellationToken)
    {
        foreach (var provider in _providers)
        {
            var value = await provider.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (value is not null) return value;
        }

        return _variables.TryGetValue(name, out var variable) ? variable.Default : null;
    }
}
