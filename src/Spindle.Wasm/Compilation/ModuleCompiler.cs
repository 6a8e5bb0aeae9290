using System.Reflection;
using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;
using Spindle.Wasm.Validation;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Compiles a module: one collectible dynamic assembly with one type whose static methods are the module's
/// functions. Methods are compiled fully optimized on first call (no tier-0), since guest code is usually hot;
/// with <see cref="EngineOptions.TieredCompilation"/> the assembly is not collectible and the runtime tiers them.
/// </summary>
internal static class ModuleCompiler
{
    private static int s_count;

    public static CompiledModule Compile(Engine engine, byte[] bytes)
    {
        var definition = ModuleDecoder.Decode(bytes);
        ModuleValidator.Validate(definition);
        return Compile(engine.Options, definition);
    }

    public static CompiledModule Compile(EngineOptions options, ModuleDefinition definition)
    {
        var id = Interlocked.Increment(ref s_count);
        var access = options.TieredCompilation ? AssemblyBuilderAccess.Run : AssemblyBuilderAccess.RunAndCollect;
        var module = DynamicAssemblies.Define($"Spindle.Wasm.Compiled{id}", access);
        var type = module.DefineType($"{Trap.CompiledNamespace}.Module{id}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);

        var names = FunctionNames(definition);
        var typeIds = new int[definition.Types.Length];
        for (var i = 0; i < typeIds.Length; i++)
        {
            typeIds[i] = TypeRegistry.GetId(definition.Types[i]);
        }

        var imported = definition.ImportedFunctionCount;
        var methods = new MethodBuilder[definition.FunctionTypeIndices.Length];
        var methodNames = new string[methods.Length];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Length; i++)
        {
            var funcType = definition.Types[definition.FunctionTypeIndices[i]];
            var name = names[imported + i];
            if (!used.Add(name))
            {
                name = $"{name}#{imported + i}";
                used.Add(name);
            }

            methodNames[i] = name;
            methods[i] = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, Signatures.ReturnType(funcType), Signatures.ParameterTypes(funcType, typeof(InstanceContext)));
            methods[i].SetImplementationFlags(InliningPolicy.ImplementationFlags(definition, imported + i, options));
        }

        var context = new ModuleCompileContext(definition, options, methods, typeIds, type, methodNames, used);
        for (var i = 0; i < methods.Length; i++)
        {
            new FunctionCompiler(context, imported + i, methods[i].GetILGenerator()).Compile();
        }

        var created = type.CreateType();

        // One reflection pass for all methods: GetMethod(name) per function scans the type each time,
        // which dominated compile time for modules with thousands of functions (docs/perf/decode.md).
        var byName = new Dictionary<string, MethodInfo>(methods.Length, StringComparer.Ordinal);
        foreach (var method in created.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            byName[method.Name] = method;
        }

        var pointers = new nint[methods.Length];
        for (var i = 0; i < methods.Length; i++)
        {
            pointers[i] = byName[methodNames[i]].MethodHandle.GetFunctionPointer();
        }

        return new CompiledModule(definition, created, pointers, typeIds, names);
    }

    private static string[] FunctionNames(ModuleDefinition definition)
    {
        var names = new string[definition.TotalFunctionCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = definition.FunctionName((uint)i) ?? $"wasm-function[{i}]";
        }

        return names;
    }
}

/// <summary>What every function compiler of one module shares.</summary>
internal sealed class ModuleCompileContext(
    ModuleDefinition definition, EngineOptions options, MethodBuilder[] methods, int[] typeIds, TypeBuilder type, string[] methodNames, HashSet<string> usedNames)
{
    public ModuleDefinition Definition { get; } = definition;

    public EngineOptions Options { get; } = options;

    public MethodBuilder[] Methods { get; } = methods;

    public int[] TypeIds { get; } = typeIds;

    public bool HasMemory { get; } = definition.TotalMemoryCount > 0;

    /// <summary>
    /// Defines the method of an outlined region (see <see cref="RegionPlanner"/>): private, which is how trap stack
    /// traces tell regions from Wasm functions, and named after its function for .NET stack traces.
    /// </summary>
    public MethodBuilder DefineRegionMethod(int functionIndex, int region, Type[] parameterTypes)
    {
        var name = $"{methodNames[functionIndex - Definition.ImportedFunctionCount]}$region{region}";
        for (var n = 2; !usedNames.Add(name); n++)
        {
            name = $"{methodNames[functionIndex - Definition.ImportedFunctionCount]}$region{region}#{n}";
        }

        var method = type.DefineMethod(name, MethodAttributes.Private | MethodAttributes.Static, typeof(int), parameterTypes);
        if (!Options.TieredCompilation)
        {
            method.SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        }

        return method;
    }
}
