using System.Text;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

// spin-operator: TestReconcile_Integration_RuntimeConfig (exact TOML), Test_ExtractRuntimeConfigDependencies, issue #151.
public class RuntimeConfigTests
{
    private static readonly Dictionary<string, IDictionary<string, byte[]>> NoSecrets = new();
    private static readonly Dictionary<string, IDictionary<string, string>> NoConfigMaps = new();

    [Fact]
    public void Build_NoRuntimeConfig_GeneratesEnvProviderOnly()
    {
        var toml = RuntimeConfigBuilder.Build(null, NoSecrets, NoConfigMaps)!;

        Assert.Equal("[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n", Encoding.UTF8.GetString(toml));
        Assert.Equal("app-760b133c", RuntimeConfigSecret.Name("app", toml));
    }

    [Fact]
    public void Build_KeyValueStore_MatchesSpinOperatorBytes()
    {
        var config = new RuntimeConfig
        {
            KeyValueStores = [new KeyValueStoreConfig { Name = "default", Type = "redis", Options = [new RuntimeConfigOption { Name = "url", Value = "redis://localhost:9000" }] }],
        };

        var toml = RuntimeConfigBuilder.Build(config, NoSecrets, NoConfigMaps)!;

        Assert.Equal(
            "[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n\n[key_value_store]\n[key_value_store.default]\ntype = 'redis'\nurl = 'redis://localhost:9000'\n",
            Encoding.UTF8.GetString(toml));
    }

    [Fact]
    public void Build_EverySection_SortsTablesAndKeysAndResolvesReferences()
    {
        var config = new RuntimeConfig
        {
            KeyValueStores =
            [
                new KeyValueStoreConfig { Name = "zeta", Type = "spin" },
                new KeyValueStoreConfig
                {
                    Name = "alpha", Type = "redis",
                    Options = [new RuntimeConfigOption { Name = "url", ValueFrom = new RuntimeConfigVarSource { SecretKeyRef = new SecretKeySelector { Name = "s", Key = "url" } } }],
                },
            ],
            SqliteDatabases =
            [
                new SqliteDatabaseConfig
                {
                    Name = "default", Type = "libsql",
                    Options =
                    [
                        new RuntimeConfigOption { Name = "url", Value = "https://db" },
                        new RuntimeConfigOption { Name = "token", ValueFrom = new RuntimeConfigVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "cm", Key = "t" } } },
                    ],
                },
            ],
            LlmCompute = new LlmComputeConfig { Type = "remote_http", Options = [new RuntimeConfigOption { Name = "auth_token", Value = "it's" }] },
        };
        var secrets = new Dictionary<string, IDictionary<string, byte[]>> { ["s"] = new Dictionary<string, byte[]> { ["url"] = "redis://r:6379"u8.ToArray() } };
        var configMaps = new Dictionary<string, IDictionary<string, string>> { ["cm"] = new Dictionary<string, string> { ["t"] = "tok" } };

        var toml = Encoding.UTF8.GetString(RuntimeConfigBuilder.Build(config, secrets, configMaps)!);

        Assert.Equal(
            "[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n\n" +
            "[key_value_store]\n[key_value_store.alpha]\ntype = 'redis'\nurl = 'redis://r:6379'\n\n[key_value_store.zeta]\ntype = 'spin'\n\n" +
            "[sqlite_database]\n[sqlite_database.default]\ntoken = 'tok'\ntype = 'libsql'\nurl = 'https://db'\n\n" +
            "[llm_compute]\nauth_token = \"it's\"\ntype = 'remote_http'\n",
            toml);
    }

    [Fact]
    public void Build_LoadFromSecret_GeneratesNothing()
    {
        Assert.Null(RuntimeConfigBuilder.Build(new RuntimeConfig { LoadFromSecret = "mine" }, NoSecrets, NoConfigMaps));
    }

    [Theory]
    [InlineData(true, "duplicate definition for key value store with name: default")]
    [InlineData(false, "duplicate definition for sqlite database with name: default")]
    public void Build_DuplicateNames_Throws(bool keyValue, string message)
    {
        var config = keyValue
            ? new RuntimeConfig { KeyValueStores = [new() { Name = "default", Type = "a" }, new() { Name = "default", Type = "b" }] }
            : new RuntimeConfig { SqliteDatabases = [new() { Name = "default", Type = "a" }, new() { Name = "default", Type = "b" }] };

        var error = Assert.Throws<ReconcileException>(() => RuntimeConfigBuilder.Build(config, NoSecrets, NoConfigMaps));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Dependencies_AreDeduplicated()
    {
        static RuntimeConfigOption FromSecret(string name) =>
            new() { Name = "o", ValueFrom = new RuntimeConfigVarSource { SecretKeyRef = new SecretKeySelector { Name = name, Key = "k" } } };
        static RuntimeConfigOption FromConfigMap(string name) =>
            new() { Name = "o", ValueFrom = new RuntimeConfigVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = name, Key = "k" } } };
        var config = new RuntimeConfig
        {
            KeyValueStores = [new() { Name = "a", Type = "redis", Options = [FromSecret("s1"), FromConfigMap("c1")] }],
            SqliteDatabases = [new() { Name = "b", Type = "libsql", Options = [FromSecret("s1"), FromSecret("s2")] }],
            LlmCompute = new LlmComputeConfig { Type = "x", Options = [FromConfigMap("c1")] },
        };

        var (secrets, configMaps) = RuntimeConfigBuilder.Dependencies(config);

        Assert.Equal(["s1", "s2"], secrets);
        Assert.Equal(["c1"], configMaps);
    }

    [Fact]
    public void Construct_LabelsAndPlainOwnerReference()
    {
        var app = Apps.Minimal("my-app", apiVersion: "core.spinoperator.dev/v1alpha1");
        var toml = RuntimeConfigBuilder.Build(null, NoSecrets, NoConfigMaps)!;

        var secret = RuntimeConfigSecret.Construct(app, toml);

        Assert.Equal("my-app-760b133c", secret.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["core.spinoperator.dev/app-name"] = "my-app" }, secret.Metadata.Labels);
        var owner = Assert.Single(secret.Metadata.OwnerReferences!);
        Assert.Null(owner.Controller);
        Assert.Equal("core.spinoperator.dev/v1alpha1", owner.ApiVersion);
        Assert.Equal(toml, secret.Data!["runtime-config.toml"]);
    }

    [Theory]
    [InlineData("", 1u)]
    [InlineData("a", 0x00620062u)]
    [InlineData("Wikipedia", 0x11E60398u)]
    public void Adler32_MatchesKnownValues(string text, uint expected)
    {
        Assert.Equal(expected, Adler32.Checksum(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Adler32_LongInput_MatchesNaiveComputation()
    {
        var data = new byte[100_000];
        for (var i = 0; i < data.Length; i++) data[i] = (byte)(i * 7);
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        Assert.Equal((b << 16) | a, Adler32.Checksum(data));
    }
}
