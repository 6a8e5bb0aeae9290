using System.Reflection;

namespace Spindle.Architecture.Tests;

/// <summary>
/// Dependencies point one way: Wasm ← Wasi ← Spin ← Host ← Cli, Toml ← Spin, Oci ← {Host, Cli},
/// Kubernetes ← Operator ← Cli. The engine and the other libraries reference only what is listed here.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Spindle.Wasm"] = [],
        ["Spindle.Wasi"] = ["Spindle.Wasm"],
        ["Spindle.Toml"] = [],
        ["Spindle.Spin"] = ["Spindle.Wasm", "Spindle.Wasi", "Spindle.Toml"],
        ["Spindle.Oci"] = [],
        ["Spindle.Host"] = ["Spindle.Wasm", "Spindle.Wasi", "Spindle.Toml", "Spindle.Spin", "Spindle.Oci"],
        ["Spindle.Kubernetes"] = [],
        ["Spindle.Operator"] = ["Spindle.Kubernetes"],
    };

    // Libraries that must stay on the base class library alone (no ASP.NET Core, no Microsoft.Extensions).
    private static readonly string[] BclOnly = ["Spindle.Wasm", "Spindle.Wasi", "Spindle.Toml", "Spindle.Oci"];

    public static TheoryData<string> Libraries() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_ReferencesOnlyAllowedSpindleAssemblies(string library)
    {
        var references = ReferencedNames(library).Where(n => n.StartsWith("Spindle.", StringComparison.Ordinal)).ToArray();
        var forbidden = references.Except(Allowed[library]).ToArray();
        Assert.True(forbidden.Length == 0, $"{library} must not reference {string.Join(", ", forbidden)}: dependencies point one way (see docs/rationale.md).");
    }

    [Theory]
    [MemberData(nameof(BclOnlyLibraries))]
    public void BclOnlyLibrary_ReferencesNoPackagesOrFrameworks(string library)
    {
        // The BCL is what ships in Microsoft.NETCore.App, the folder System.Private.CoreLib loads from;
        // ASP.NET Core, Microsoft.Extensions.* and NuGet packages live elsewhere.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outside = ReferencedNames(library)
            .Where(n => !n.StartsWith("Spindle.", StringComparison.Ordinal))
            .Where(n => !File.Exists(Path.Combine(runtimeDirectory, n + ".dll")))
            .ToArray();
        Assert.True(outside.Length == 0, $"{library} must depend on the BCL only, but references {string.Join(", ", outside)}.");
    }

    public static TheoryData<string> BclOnlyLibraries() => new(BclOnly);

    private static string[] ReferencedNames(string library)
    {
        var path = Path.Combine(AppContext.BaseDirectory, library + ".dll");
        Assert.True(File.Exists(path), $"{path} not found: the architecture tests reference Spindle.Cli, which references every library.");
        var assembly = Assembly.LoadFrom(path);
        return assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
    }
}
