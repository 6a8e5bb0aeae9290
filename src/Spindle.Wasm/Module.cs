using Spindle.Wasm.Binary;
using Spindle.Wasm.Compilation;
using Spindle.Wasm.Validation;

namespace Spindle.Wasm;

/// <summary>
/// A decoded, validated and compiled module, ready to instantiate any number of times. Compilation is cached by
/// the engine: loading the same bytes again reuses the compiled code.
/// </summary>
public sealed class Module
{
    private Module(Engine engine, CompiledModule compiled, string? name)
    {
        Engine = engine;
        Compiled = compiled;
        Name = name ?? compiled.Definition.Names?.ModuleName;
    }

    public Engine Engine { get; }

    /// <summary>The given name, else the name section's module name, else null.</summary>
    public string? Name { get; }

    public IReadOnlyList<ImportDescriptor> Imports => Compiled.Imports;

    public IReadOnlyList<ExportDescriptor> Exports => Compiled.Exports;

    internal CompiledModule Compiled { get; }

    /// <summary>Decodes, validates and compiles a binary module.</summary>
    /// <exception cref="WasmDecodeException">The bytes are malformed.</exception>
    /// <exception cref="WasmValidationException">The module is invalid.</exception>
    public static Module FromBytes(Engine engine, ReadOnlySpan<byte> bytes, string? name = null) =>
        new(engine, engine.GetOrCompile(bytes), name);

    /// <summary>Reads and compiles a binary module from a file; the name defaults to the file name without extension.</summary>
    public static Module FromFile(Engine engine, string path) =>
        FromBytes(engine, File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path));

    /// <summary>Decodes and validates without compiling; throws the decode or validation error.</summary>
    public static void Validate(Engine engine, ReadOnlySpan<byte> bytes)
    {
        _ = engine;
        ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
    }

    public override string ToString() => Name ?? "(module)";
}
