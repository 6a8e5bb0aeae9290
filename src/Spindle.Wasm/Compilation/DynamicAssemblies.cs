using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Compilation;

/// <summary>Creates the dynamic assemblies compiled code lives in, allowed to use this assembly's internals.</summary>
internal static class DynamicAssemblies
{
    public static ModuleBuilder Define(string name, AssemblyBuilderAccess access)
    {
        var attribute = new CustomAttributeBuilder(
            typeof(IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!,
            [typeof(DynamicAssemblies).Assembly.GetName().Name!]);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), access, [attribute]);
        return assembly.DefineDynamicModule(name);
    }
}
