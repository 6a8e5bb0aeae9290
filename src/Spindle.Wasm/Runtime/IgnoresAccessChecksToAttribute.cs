#pragma warning disable IDE0130 // the runtime recognizes this attribute by its full name only
namespace System.Runtime.CompilerServices;
#pragma warning restore IDE0130

/// <summary>
/// Lets the dynamic assemblies the compiler emits use this assembly's internal runtime types directly; the CLR
/// honours the attribute by name. It keeps the runtime surface internal instead of public.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    public string AssemblyName { get; } = assemblyName;
}
