namespace Spindle.Wasm.Binary;

/// <summary>
/// The contents of the <c>name</c> custom section that Spindle uses (module, function and local names). The section
/// is advisory: a malformed one is ignored rather than rejected, like other engines.
/// </summary>
internal sealed class NameSection
{
    public string? ModuleName { get; init; }

    public Dictionary<uint, string> FunctionNames { get; } = [];

    public Dictionary<uint, Dictionary<uint, string>> LocalNames { get; } = [];
}
