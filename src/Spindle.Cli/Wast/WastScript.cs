using System.Text.Json;

namespace Spindle.Cli.Wast;

/// <summary>A spec script in wast2json's JSON form; module files are resolved against <see cref="Directory"/>.</summary>
internal sealed class WastScript
{
    private WastScript(string name, string directory, IReadOnlyList<ScriptCommand> commands)
    {
        Name = name;
        Directory = directory;
        Commands = commands;
    }

    /// <summary>The script's display name: the original <c>.wast</c> file name.</summary>
    public string Name { get; }

    /// <summary>The folder holding the JSON file and the <c>.wasm</c>/<c>.wat</c> files it names.</summary>
    public string Directory { get; }

    public IReadOnlyList<ScriptCommand> Commands { get; }

    /// <summary>Reads a wast2json JSON file; <paramref name="name"/> defaults to its <c>source_filename</c>.</summary>
    public static WastScript Load(string jsonPath, string? name = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = document.RootElement;
        name ??= root.TryGetProperty("source_filename", out var source) && source.GetString() is { } s
            ? Path.GetFileName(s)
            : Path.GetFileName(jsonPath);

        var commands = new List<ScriptCommand>();
        foreach (var command in root.GetProperty("commands").EnumerateArray())
        {
            commands.Add(new ScriptCommand(
                Type: command.GetProperty("type").GetString()!,
                Line: command.TryGetProperty("line", out var line) ? line.GetInt32() : 0,
                FileName: String(command, "filename"),
                Name: String(command, "name"),
                As: String(command, "as"),
                Text: String(command, "text"),
                ModuleType: String(command, "module_type"),
                Action: command.TryGetProperty("action", out var action) ? ReadAction(action) : null,
                Expected: command.TryGetProperty("expected", out var expected) ? ReadValues(expected) : []));
        }

        return new WastScript(name, Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, commands);
    }

    private static ScriptAction ReadAction(JsonElement action) => new(
        action.GetProperty("type").GetString()!,
        String(action, "module"),
        action.GetProperty("field").GetString()!,
        action.TryGetProperty("args", out var args) ? ReadValues(args) : []);

    private static ScriptValue[] ReadValues(JsonElement array)
    {
        var values = new ScriptValue[array.GetArrayLength()];
        var i = 0;
        foreach (var value in array.EnumerateArray())
        {
            // v128 values are arrays of lanes; SIMD is not supported yet, so only the type matters.
            var text = value.TryGetProperty("value", out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
            values[i++] = new ScriptValue(value.GetProperty("type").GetString()!, text);
        }

        return values;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
