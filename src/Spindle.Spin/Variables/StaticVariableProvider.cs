namespace Spindle.Spin.Variables;

/// <summary>Explicit values: <c>--variable name=value</c> pairs, or a runtime-config <c>static</c> provider's <c>values</c>.</summary>
public sealed class StaticVariableProvider : IVariableProvider
{
    private readonly Dictionary<string, string> _values;

    public StaticVariableProvider(IEnumerable<KeyValuePair<string, string>> values)
        => _values = new Dictionary<string, string>(values, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Parses <c>name=value</c> pairs (the value may contain '='); later pairs win.</summary>
    public static StaticVariableProvider FromPairs(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new VariableException($"invalid variable {RustDebug.String(pair)}: expected name=value");
            var name = pair[..eq];
            if (SpinId.ValidateVariableName(name) is { } reason)
            {
                throw new VariableException($"invalid variable name: {RustDebug.String(name)}: {reason}", name);
            }

            values[name] = pair[(eq + 1)..];
        }

        return new StaticVariableProvider(values);
    }

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken)
        => ValueTask.FromResult(_values.TryGetValue(name, out var value) ? value : null);
}
