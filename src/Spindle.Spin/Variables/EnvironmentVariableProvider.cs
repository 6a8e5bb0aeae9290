namespace Spindle.Spin.Variables;

/// <summary>
/// Spin's <c>env</c> provider: variable <c>api_token</c> is read from <c>SPIN_VARIABLE_API_TOKEN</c> (prefix
/// configurable), then from a dotenv file when one is given and exists.
/// </summary>
public sealed class EnvironmentVariableProvider : IVariableProvider
{
    public const string DefaultPrefix = "SPIN_VARIABLE";

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly string _prefix;
    private readonly string? _dotenvPath;
    private Dictionary<string, string>? _dotenv;

    public EnvironmentVariableProvider(string? prefix = null, string? dotenvPath = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        _prefix = string.IsNullOrEmpty(prefix) ? DefaultPrefix : prefix;
        _dotenvPath = dotenvPath;
        _getEnvironmentVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The environment variable name for a Spin variable name.</summary>
    public string EnvironmentName(string name) => $"{_prefix}_{name.ToUpperInvariant()}";

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var key = EnvironmentName(name);
        var value = _getEnvironmentVariable(key);
        if (value is null && _dotenvPath is not null)
        {
            _dotenv ??= ReadDotenv(_dotenvPath);
            _dotenv.TryGetValue(key, out value);
        }

        return ValueTask.FromResult(value);
    }

    private static Dictionary<string, string> ReadDotenv(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]) value = value[1..^1];
            values[line[..eq].Trim()] = value;
        }

        return values;
    }
}
