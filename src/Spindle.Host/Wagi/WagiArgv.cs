namespace Spindle.Host.Wagi;

/// <summary>
/// A Wagi component's argv from the executor's <c>argv</c> template (default <c>${SCRIPT_NAME} ${ARGS}</c>):
/// <c>${SCRIPT_NAME}</c> is the request path, <c>${ARGS}</c> the query with '&amp;' as spaces; the result is split on
/// single spaces (so an empty query leaves a trailing empty argument, as in Spin).
/// </summary>
internal static class WagiArgv
{
    public const string ScriptNameVariable = "${SCRIPT_NAME}";
    public const string ArgsVariable = "${ARGS}";

    public static string[] Build(string template, string path, string? query)
    {
        var expanded = template
            .Replace(ScriptNameVariable, path, StringComparison.Ordinal)
            .Replace(ArgsVariable, (query ?? "").Replace('&', ' '), StringComparison.Ordinal);
        return expanded.Split(' ');
    }
}
