namespace Spindle.Wasm.Tests;

/// <summary>Loads the committed .wasm fixtures (sources and script: eng/build-wasm-fixtures.sh).</summary>
internal static class Fixtures
{
    public static string Path(string name) =>
        System.IO.Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Wasm.Tests", "Fixtures", name + ".wasm");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>Instantiates a fixture without imports in a fresh engine and store.</summary>
    public static Instance Instantiate(string name, EngineOptions? options = null)
    {
        var engine = new Engine(options);
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Bytes(name)));
    }

    /// <summary>Invokes an export and returns its single result.</summary>
    public static object? Call(this Instance instance, string name, params object?[] args) =>
        instance.GetFunction(name)!.Invoke(args) is [var result] ? result : null;
}
