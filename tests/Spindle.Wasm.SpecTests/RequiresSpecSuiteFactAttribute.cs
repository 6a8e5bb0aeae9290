namespace Spindle.Wasm.SpecTests;

/// <summary>The fact counterpart of <see cref="RequiresSpecSuiteTheoryAttribute"/>.</summary>
public sealed class RequiresSpecSuiteFactAttribute : FactAttribute
{
    public RequiresSpecSuiteFactAttribute() =>
        Skip = Requirements.SkipReason(Requirement.WasmSpecSuite) ?? Requirements.SkipReason(Requirement.Wast2Json);
}
