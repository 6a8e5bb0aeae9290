namespace Spindle.Wasm.SpecTests;

/// <summary>
/// A theory that needs both the spec suite and wast2json; skipped when either is absent, run (and so failing)
/// under CI=true. eng/test.sh installs wabt.
/// </summary>
public sealed class RequiresSpecSuiteTheoryAttribute : TheoryAttribute
{
    public RequiresSpecSuiteTheoryAttribute() =>
        Skip = Requirements.SkipReason(Requirement.WasmSpecSuite) ?? Requirements.SkipReason(Requirement.Wast2Json);
}
