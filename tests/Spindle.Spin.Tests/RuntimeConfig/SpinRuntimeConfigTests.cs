using Spindle.Spin.RuntimeConfig;

namespace Spindle.Spin.Tests.RuntimeConfig;

public class SpinRuntimeConfigTests
{
    // The example of the reference (section 4.3).
    private const string Example = """
        [key_value_store.default]
        type = "spin"
        path = "data/kv.db"
        [key_value_store.cache]
        type = "redis"
        url = "redis://localhost:6379"

        [sqlite_database.default]
        type = "spin"
        path = "app.db"
        [sqlite_database.remote]
        type = "libsql"
        url = "https://db.example.turso.io"
        token = "..."

        [[variables_provider]]
        type = "vault"
        url = "http://127.0.0.1:8200"
        token = "root"
        mount = "secret"
        [[variables_provider]]
        type = "static"
        values = { api_host = "localhost" }
        [[config_provider]]
        type = "env"

        [llm_compute]
        type = "remote_http"
        url = "https://llm.example.com"
        auth_token = "..."

        [outbound_networking]
        block_networks = ["1.1.1.1/32", "private"]
        max_total_connections = 100
        [outbound_http]
        max_connections = 10
        [[client_tls]]
        component_ids = ["api"]
        hosts = ["example.com"]
        ca_roots_file = "roots.crt"
        """;

    [Fact]
    public void Parse_ReferenceExample_ReadsEveryTable()
    {
        var config = SpinRuntimeConfig.Parse(Example);

        Assert.Equal(["default", "cache"], config.KeyValueStores.Keys);
        Assert.Equal("redis://localhost:6379", config.KeyValueStores["cache"].GetString("url"));
        Assert.Equal("data/kv.db", config.KeyValueStores["default"].GetString("path"));
        Assert.Equal(["spin", "libsql"], config.SqliteDatabases.Values.Select(d => d.Type));
        Assert.Equal(["vault", "static", "env"], config.VariablesProviders.Select(p => p.Type));
        Assert.Equal("localhost", config.VariablesProviders[1].GetStringMap("values")["api_host"]);
        Assert.Equal("remote_http", config.LlmCompute!.Type);
        Assert.Equal(["1.1.1.1/32", "private"], config.BlockNetworks);
        Assert.Equal(100, config.MaxTotalConnections);
        Assert.Equal(10, config.MaxConnections["outbound_http"]);
        Assert.Equal(["api"], config.ClientTls.Single().ComponentIds);
        Assert.Equal("roots.crt", config.ClientTls.Single().CaRootsFile);
        Assert.Equal("[key_value_store.default: spin], [key_value_store.cache: redis], [sqlite_database.default: spin], [sqlite_database.remote: libsql], [llm_compute: remote_http]", config.Summary());
    }

    [Theory]
    [InlineData("[key_value_store.x]\ntype = \"memcached\"\n", "unknown key value store type \"memcached\"", 2, 8)]
    [InlineData("[sqlite_database.x]\ntype = \"postgres\"\n", "unknown sqlite database type \"postgres\"", 2, 8)]
    [InlineData("[[variables_provider]]\ntype = \"consul\"\n", "unknown variables provider type \"consul\"", 2, 8)]
    [InlineData("[llm_compute]\ntype = \"openai\"\n", "unknown llm compute type \"openai\"", 2, 8)]
    [InlineData("[key_value_store.x]\ntype = \"redis\"\n", "missing field `url`", 1, 1)]
    [InlineData("[key_value_store.x]\ntype = \"redis\"\nurl = \"redis://x\"\nuser = \"u\"\n", "unknown field `user`, expected `type` or `url`", 4, 1)]
    [InlineData("[key_value_store.x]\npath = \"x\"\n", "missing field `type`", 1, 1)]
    [InlineData("[sqlite_database.x]\ntype = \"libsql\"\nurl = \"libsql://db\"\ntoken = \"t\"\n", "libsql url \"libsql://db\" must use http:// or https://", 3, 7)]
    [InlineData("[outbound_networking]\nblock_networks = [\"10.0.0.0/99\"]\n", "invalid IP network \"10.0.0.0/99\"", 2, 19)]
    [InlineData("[key_value_stores.x]\ntype = \"spin\"\n", "unused runtime config key(s): key_value_stores", 1, 2)]
    public void Parse_Invalid_ReportsErrorWithPosition(string toml, string message, int line, int column)
    {
        var e = Assert.Throws<RuntimeConfigException>(() => SpinRuntimeConfig.Parse(toml));

        Assert.True(e.Errors.Any(error => error.Message == message && error.Line == line && error.Column == column), e.Message);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAll()
    {
        var e = Assert.Throws<RuntimeConfigException>(() => SpinRuntimeConfig.Parse("[key_value_store.a]\ntype = \"x\"\n[sqlite_database.b]\ntype = \"y\"\n"));
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public async Task CreateVariableProviders_StaticThenEnv()
    {
        var config = SpinRuntimeConfig.Parse("[[variables_provider]]\ntype = \"static\"\nvalues = { a = \"static\" }\n");
        var env = new Dictionary<string, string> { ["SPIN_VARIABLE_B"] = "env" };

        var providers = config.CreateVariableProviders(env.GetValueOrDefault);

        Assert.Equal(2, providers.Count);
        Assert.Equal("static", await providers[0].GetAsync("a", CancellationToken.None));
        Assert.Equal("env", await providers[1].GetAsync("b", CancellationToken.None));
    }

    [Fact]
    public void CreateVariableProviders_Vault_IsNotSupportedYet()
        => Assert.Throws<RuntimeConfigException>(() => SpinRuntimeConfig.Parse(Example).CreateVariableProviders());

    [Fact]
    public void Load_MissingFile_NamesThePathAndTheOption()
    {
        var path = Path.Combine(TestPaths.Fixtures, "nope", "runtime-config.toml");

        var e = Assert.Throws<RuntimeConfigException>(() => SpinRuntimeConfig.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("--runtime-config-file", e.Message);
    }

    [Fact]
    public void Load_InvalidUtf8_ReportsAParseErrorWithItsLine()
    {
        var directory = Directory.CreateTempSubdirectory("spindle-spin-test-").FullName;
        try
        {
            var path = Path.Combine(directory, "runtime-config.toml");
            File.WriteAllBytes(path, [.. "[key_value_store.default]\ntype = \""u8, 0xFF, (byte)'"', (byte)'\n']);

            var e = Assert.Throws<RuntimeConfigException>(() => SpinRuntimeConfig.Load(path));

            var error = Assert.Single(e.Errors);
            Assert.Equal(2, error.Line);
            Assert.StartsWith("TOML parse error:", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
