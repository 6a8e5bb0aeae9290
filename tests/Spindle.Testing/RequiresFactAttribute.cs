using Xunit;

namespace Spindle.Testing;

/// <summary>
/// A fact that reports skipped when something it needs from outside the repository is absent
/// (../shared data, a Debian tool, a cluster), and runs (and so fails) when CI=true.
/// </summary>
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(params Requirement[] requirements) => Skip = Requirements.SkipReason(requirements);
}

/// <summary>The theory counterpart of <see cref="RequiresFactAttribute"/>.</summary>
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(params Requirement[] requirements) => Skip = Requirements.SkipReason(requirements);
}

public enum Requirement
{
    /// <summary>The WebAssembly spec suite: SPINDLE_WASM_SPEC_DIR or ../shared/testdata/wasm-spec.</summary>
    WasmSpecSuite,
    /// <summary>toml-test: SPINDLE_TOML_TEST_DIR or ../shared/testdata/toml-test.</summary>
    TomlTestSuite,
    /// <summary>wast2json from Debian's wabt.</summary>
    Wast2Json,
    /// <summary>docker-registry from Debian.</summary>
    DockerRegistry,
    /// <summary>clang-14 with wasi-libc (C to wasm32-wasi).</summary>
    WasiToolchain,
    /// <summary>node (V8), a reference engine.</summary>
    Node,
    /// <summary>A Kubernetes API server: SPINDLE_TEST_KUBECONFIG (eng/test.sh starts ../shared/tools/k8s and sets it).</summary>
    Kubernetes,
}

public static class Requirements
{
    public static string? WasmSpecDir => TestEnvironment.SharedData("SPINDLE_WASM_SPEC_DIR", "testdata/wasm-spec");

    public static string? TomlTestDir => TestEnvironment.SharedData("SPINDLE_TOML_TEST_DIR", "testdata/toml-test");

    public static string? KubeConfig
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("SPINDLE_TEST_KUBECONFIG");
            return !string.IsNullOrEmpty(path) && File.Exists(path) ? path : null;
        }
    }

    /// <summary>The first unmet requirement's skip reason, or null (all met, or CI: the test runs and fails).</summary>
    public static string? SkipReason(params Requirement[] requirements)
    {
        foreach (var requirement in requirements)
        {
            if (SkipReason(requirement) is { } reason) return reason;
        }

        return null;
    }

    /// <summary>Null when the requirement is met or under CI (so the test runs and fails); otherwise why it is skipped.</summary>
    public static string? SkipReason(Requirement requirement)
    {
        if (TestEnvironment.IsCI) return null;
        return requirement switch
        {
            Requirement.WasmSpecSuite when WasmSpecDir is null => "WebAssembly spec suite not found: set SPINDLE_WASM_SPEC_DIR or check out ../shared",
            Requirement.TomlTestSuite when TomlTestDir is null => "toml-test not found: set SPINDLE_TOML_TEST_DIR or check out ../shared",
            Requirement.Wast2Json when TestEnvironment.FindTool("wast2json") is null => "wast2json not found: apt-get install wabt (eng/test.sh does)",
            Requirement.DockerRegistry when TestEnvironment.FindTool("docker-registry") is null => "docker-registry not found: apt-get install docker-registry (eng/test.sh does)",
            Requirement.WasiToolchain when TestEnvironment.FindTool("clang-14") is null || !Directory.Exists("/usr/include/wasm32-wasi") =>
                "clang-14 with wasi-libc not found: apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 (eng/test.sh does)",
            Requirement.Node when TestEnvironment.FindTool("node") is null => "node not found: apt-get install nodejs (eng/test.sh does)",
            Requirement.Kubernetes when KubeConfig is null => "no Kubernetes: set SPINDLE_TEST_KUBECONFIG (eng/test.sh starts ../shared/tools/k8s and sets it)",
            _ => null,
        };
    }
}
