namespace Spindle.Wasm.Tests.Fuzz;

/// <summary>A theory needing both the spec suite and wast2json (skipped when either is absent, outside CI).</summary>
public sealed class RequiresSpecSuiteTheoryAttribute : TheoryAttribute
{
    public RequiresSpecSuiteTheoryAttribute() =>
        Skip = Requirements.SkipReason(Requirement.WasmSpecSuite) ?? Requirements.SkipReason(Requirement.Wast2Json);
}

/// <summary>A fact needing both the spec suite and wast2json (skipped when either is absent, outside CI).</summary>
public sealed class RequiresSpecSuiteFactAttribute : FactAttribute
{
    public RequiresSpecSuiteFactAttribute() =>
        Skip = Requirements.SkipReason(Requirement.WasmSpecSuite) ?? Requirements.SkipReason(Requirement.Wast2Json);
}
