using System.Net;
using Spindle.Spin.Manifest;
using Spindle.Toml;

namespace Spindle.Spin.RuntimeConfig;

/// <summary>Validates runtime-config.toml tables against the store, database, provider and LLM types Spin knows.</summary>
internal sealed class RuntimeConfigParser
{
    // type -> (allowed keys besides "type", required keys)
    private static readonly Dictionary<string, (string[] Allowed, string[] Required)> KeyValueTypes = new(StringComparer.Ordinal)
    {
        ["spin"] = (["path"], []),
        ["redis"] = (["url"], ["url"]),
        ["azure_cosmos"] = (["key", "account", "database", "container"], ["account", "database", "container"]),
        ["aws_dynamo"] = (["access_key", "secret_key", "token", "region", "consistent_read", "table"], ["region", "table"]),
    };

    private static readonly Dictionary<string, (string[] Allowed, string[] Required)> SqliteTypes = new(StringComparer.Ordinal)
    {
        ["spin"] = (["path", "allow_attach_file"], []),
        ["libsql"] = (["url", "token"], ["url", "token"]),
    };

    private static readonly Dictionary<string, (string[] Allowed, string[] Required)> ProviderTypes = new(StringComparer.Ordinal)
    {
        ["vault"] = (["url", "token", "mount", "prefix"], ["url", "token", "mount"]),
        ["azure_key_vault"] = (["vault_url", "client_id", "client_secret", "tenant_id", "authority_host"], ["vault_url"]),
        ["static"] = (["values"], ["values"]),
        ["env"] = (["prefix", "dotenv_path"], []),
    };

    private static readonly Dictionary<string, (string[] Allowed, string[] Required)> LlmTypes = new(StringComparer.Ordinal)
    {
        ["spin"] = ([], []),
        ["remote_http"] = (["url", "auth_token", "api_type"], ["url", "auth_token"]),
    };

    private static readonly string[] LimitTables = ["outbound_redis", "outbound_pg", "outbound_mysql", "outbound_mqtt", "outbound_http"];

    private readonly TomlReader _r;

    private RuntimeConfigParser(string file) => _r = new TomlReader(file);

    public static SpinRuntimeConfig Parse(TomlTable root, string file, string? path)
    {
        var parser = new RuntimeConfigParser(file);
        var config = parser.ParseRoot(root, path);
        if (parser._r.Errors.Count > 0) throw new RuntimeConfigException([.. parser._r.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        return config;
    }

    private SpinRuntimeConfig ParseRoot(TomlTable root, string? path)
    {
        foreach (var (key, _) in root)
        {
            if (key is "key_value_store" or "sqlite_database" or "variables_provider" or "config_provider" or "llm_compute" or "outbound_networking" or "client_tls") continue;
            if (Array.IndexOf(LimitTables, key) >= 0) continue;
            _r.Error(root.GetKeyPosition(key), $"unused runtime config key(s): {key}", "Known tables: key_value_store, sqlite_database, variables_provider, llm_compute, outbound_networking, client_tls, outbound_*");
        }

        var providers = new List<RuntimeConfigEntry>();
        foreach (var key in (ReadOnlySpan<string>)["variables_provider", "config_provider"])
        {
            var array = _r.Array(root, key);
            foreach (var item in array ?? [])
            {
                if (item is TomlTable t && Entry(t, "variables provider", ProviderTypes) is { } entry) providers.Add(entry);
                else if (item is not TomlTable) _r.InvalidType(item, "a table");
            }
        }

        foreach (var provider in providers)
        {
            if (provider.Type == "static" && provider.Settings.TryGetValue("values", out var values) && values is TomlTable table)
            {
                foreach (var (_, value) in table)
                {
                    if (value is not TomlString) _r.InvalidType(value, "a string");
                }
            }
        }

        var llm = _r.Table(root, "llm_compute");
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in LimitTables)
        {
            var table = _r.Table(root, name);
            if (table is null) continue;
            _r.CheckKeys(table, "max_connections");
            if (_r.Integer(table, "max_connections") is { } max) limits[name] = max;
        }

        var networking = _r.Table(root, "outbound_networking");
        IReadOnlyList<string> blocked = [];
        long? maxTotal = null;
        if (networking is not null)
        {
            _r.CheckKeys(networking, "block_networks", "max_total_connections");
            var positions = new List<TomlPosition>();
            blocked = _r.Strings(networking, "block_networks", positions);
            for (var i = 0; i < blocked.Count; i++)
            {
                if (blocked[i] != "private" && !IsNetwork(blocked[i]))
                {
                    _r.Error(positions[i], $"invalid IP network {RustDebug.String(blocked[i])}", "Use a CIDR such as \"10.0.0.0/8\", an IP address, or \"private\"");
                }
            }

            maxTotal = _r.Integer(networking, "max_total_connections");
        }

        return new SpinRuntimeConfig
        {
            SourcePath = path,
            KeyValueStores = Labelled(root, "key_value_store", "key value store", KeyValueTypes),
            SqliteDatabases = Labelled(root, "sqlite_database", "sqlite database", SqliteTypes),
            VariablesProviders = providers,
            LlmCompute = llm is null ? null : Entry(llm, "llm compute", LlmTypes),
            BlockNetworks = blocked,
            MaxTotalConnections = maxTotal,
            ClientTls = ParseClientTls(root),
            MaxConnections = limits,
        };
    }

    private IReadOnlyDictionary<string, RuntimeConfigEntry> Labelled(TomlTable root, string key, string what, Dictionary<string, (string[] Allowed, string[] Required)> types)
    {
        var result = new OrderedDictionary<string, RuntimeConfigEntry>(StringComparer.Ordinal);
        foreach (var (label, table) in _r.TableMap(root, key))
        {
            if (Entry(table, what, types) is { } entry) result[label] = entry;
        }

        return result;
    }

    private RuntimeConfigEntry? Entry(TomlTable table, string what, Dictionary<string, (string[] Allowed, string[] Required)> types)
    {
        var type = _r.String(table, "type", required: true);
        if (type is null) return null;
        if (!types.TryGetValue(type, out var shape))
        {
            _r.Error(table["type"].Position, $"unknown {what} type {RustDebug.String(type)}", $"Known types: {string.Join(", ", types.Keys)}");
            return null;
        }

        _r.CheckKeys(table, ["type", .. shape.Allowed]);
        foreach (var required in shape.Required)
        {
            if (!table.ContainsKey(required)) _r.Missing(table, required);
        }

        foreach (var (key, value) in table)
        {
            if (key is "values" or "allow_attach_file" or "consistent_read") continue;
            if (value is not TomlString && Array.IndexOf(shape.Allowed, key) >= 0) _r.InvalidType(value, "a string");
        }

        if (what == "sqlite database" && type == "libsql" && _r.String(table, "url") is { } url
            && !url.StartsWith("http://", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            _r.Error(table["url"].Position, $"libsql url {RustDebug.String(url)} must use http:// or https://");
        }

        return new RuntimeConfigEntry { Type = type, Settings = table, Position = table.Position };
    }

    private IReadOnlyList<ClientTlsConfig> ParseClientTls(TomlTable root)
    {
        var result = new List<ClientTlsConfig>();
        foreach (var item in _r.Array(root, "client_tls") ?? [])
        {
            if (item is not TomlTable t)
            {
                _r.InvalidType(item, "a table");
                continue;
            }

            _r.CheckKeys(t, "component_ids", "hosts", "ca_use_webpki_roots", "ca_roots_file", "client_cert_file", "client_private_key_file");
            var cert = _r.String(t, "client_cert_file");
            var key = _r.String(t, "client_private_key_file");
            if ((cert is null) != (key is null))
            {
                _r.Error(t.Position, "client_cert_file and client_private_key_file must be set together");
            }

            result.Add(new ClientTlsConfig
            {
                ComponentIds = _r.Strings(t, "component_ids"),
                Hosts = _r.Strings(t, "hosts"),
                CaUseWebpkiRoots = _r.Bool(t, "ca_use_webpki_roots"),
                CaRootsFile = _r.String(t, "ca_roots_file"),
                ClientCertFile = cert,
                ClientPrivateKeyFile = key,
            });
        }

        return result;
    }

    private static bool IsNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return IPAddress.TryParse(text, out _);
        return IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            && int.TryParse(text.AsSpan(slash + 1), out var prefix)
            && prefix >= 0 && prefix <= address.GetAddressBytes().Length * 8;
    }
}
