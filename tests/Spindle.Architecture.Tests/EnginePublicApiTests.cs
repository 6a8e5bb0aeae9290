using System.Reflection;
using System.Text;

namespace Spindle.Architecture.Tests;

/// <summary>
/// The engine's public API is deliberate and small (shaped like wasmtime-dotnet): this snapshot makes every change to
/// it visible in review. After an intended change, regenerate with SPINDLE_UPDATE_API=1 and commit the file.
/// </summary>
public sealed class EnginePublicApiTests
{
    private static readonly string SnapshotPath = Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Architecture.Tests", "Spindle.Wasm.api.txt");

    [Fact]
    public void PublicApi_MatchesSnapshot()
    {
        var actual = Describe(typeof(Spindle.Wasm.Engine).Assembly);
        if (Environment.GetEnvironmentVariable("SPINDLE_UPDATE_API") == "1")
        {
            File.WriteAllText(SnapshotPath, actual);
        }

        var expected = File.Exists(SnapshotPath) ? File.ReadAllText(SnapshotPath) : "";
        Assert.True(expected == actual,
            $"Spindle.Wasm's public API changed. If intended, run `SPINDLE_UPDATE_API=1 dotnet test tests/Spindle.Architecture.Tests` and commit {SnapshotPath}.\n" +
            $"Now:\n{actual}");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add($"{Kind(type)} {Name(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                if (member is MethodInfo { IsSpecialName: true }) continue; // property and event accessors, operators appear as members
                lines.Add($"  {Type(type)}.{Member(member)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    private static string Type(Type type) => Name(type);

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $".ctor({Parameters(c)})",
        MethodInfo m => $"{m.Name}{Generic(m)}({Parameters(m)}): {Name(m.ReturnType)}",
        PropertyInfo p => $"{p.Name}: {Name(p.PropertyType)} {{{(p.GetMethod?.IsPublic == true ? " get;" : "")}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? " init;" : " set;") : "")} }}",
        FieldInfo f => $"{f.Name}: {Name(f.FieldType)}{(f.IsLiteral ? " const" : "")}",
        EventInfo e => $"event {e.Name}: {Name(e.EventHandlerType!)}",
        Type nested => $"nested {Name(nested)}",
        _ => member.Name,
    };

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => (p.GetCustomAttribute<ParamArrayAttribute>() is null ? "" : "params ") + Name(p.ParameterType)));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter) return type.Name;
        if (type.IsByRef) return Name(type.GetElementType()!) + "&";
        if (type.IsArray) return Name(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var definition = type.GetGenericTypeDefinition().FullName!;
        var tick = definition.IndexOf('`', StringComparison.Ordinal);
        var builder = new StringBuilder(definition[..tick]).Append('<');
        builder.AppendJoin(", ", type.GetGenericArguments().Select(Name));
        return builder.Append('>').ToString();
    }
}
