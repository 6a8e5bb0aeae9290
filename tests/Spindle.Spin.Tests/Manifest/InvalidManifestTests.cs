using Spindle.Spin.Manifest;

namespace Spindle.Spin.Tests.Manifest;

public class InvalidManifestTests
{
    private const string App = "spin_manifest_version = 2\n[application]\nname = \"app\"\n";
    private const string Trigger = "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"web\"\n";
    private const string Web = "[component.web]\nsource = \"web.wasm\"\n";

    // One manifest per rule: the error text (Spin's wording where Spin has one), line and column.
    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        { "UnknownKey", App + "nmae = \"x\"\n" + Trigger + Web, "unknown field `nmae`, expected one of `name`, `version`, `description`, `authors`, `targets`, `trigger`, `tool`", 4, 1 },
        { "UnknownComponentKey", App + Trigger + Web + "enviroment = {}\n", "unknown field `enviroment`, expected one of `source`, `description`, `variables`, `environment`, `files`, `exclude_files`, `allowed_http_hosts`, `allowed_outbound_hosts`, `key_value_stores`, `sqlite_databases`, `ai_models`, `targets`, `build`, `tool`, `dependencies_inherit_configuration`, `dependencies`, `profile`", 9, 1 },
        { "MissingField", "spin_manifest_version = 2\n[application]\nversion = \"1\"\n" + Trigger + Web, "missing field `name`", 2, 1 },
        { "InvalidType", "spin_manifest_version = 2\n[application]\nname = 3\n" + Trigger + Web, "invalid type: integer `3`, expected a string", 3, 8 },
        { "InvalidVersion", "spin_manifest_version = 3\n[application]\nname = \"app\"\n", "invalid manifest version: 3", 1, 25 },
        { "RequiredAndDefault", App + "[variables]\nfoo = { required = true, default = \"x\" }\n" + Trigger + Web, "invalid variable definition for `foo`: must be `required` OR have a `default`", 5, 7 },
        { "NeitherRequiredNorDefault", App + "[variables]\nfoo = { secret = true }\n" + Trigger + Web, "invalid variable definition for `foo`: must be `required` OR have a `default`", 5, 7 },
        { "VariableName", App + "[variables]\n\"bad+name\" = { required = true }\n" + Trigger + Web, "invalid variable name \"bad+name\": '_'-separated words may only contain alphanumeric ASCII (plus ':' inside words); got '+'", 5, 1 },
        { "VariableNameDoubleUnderscore", App + "[variables]\na__b = { required = true }\n" + Trigger + Web, "invalid variable name \"a__b\": '_'-separated words must not be empty", 5, 1 },
        { "ComponentReferenceId", App + "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"1-2-3\"\n", "invalid component id \"1-2-3\": '-'-separated words must start with an ASCII letter or digit; got '1'", 6, 13 },
        { "ComponentTableId", App + Trigger + Web + "[component.my_comp]\nsource = \"x.wasm\"\n", "invalid component id \"my_comp\": words must be separated with '-', not '_'", 9, 12 },
        { "RoutePrivateFalse", App + "[[trigger.http]]\nroute = { private = false }\ncomponent = \"web\"\n" + Web, "route must be a string pattern or '{ private = true }': 'web' has { private = false }", 5, 9 },
        { "RouteUnknownKey", App + "[[trigger.http]]\nroute = { public = true }\ncomponent = \"web\"\n" + Web, "unknown field `public`, expected `private`", 5, 11 },
        { "DeprecatedBase", App + "[application.trigger.http]\nbase = \"/api\"\n" + Trigger + Web, "This application is using the deprecated trigger 'base' field. The base must be prepended to each [[trigger.http]]'s 'route'.", 5, 8 },
        { "ExecutorType", App + "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"web\"\nexecutor = { type = \"cgi\" }\n" + Web, "unknown variant `cgi`, expected `http` or `wagi`", 7, 21 },
        { "WagiEntrypoint", App + "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"web\"\nexecutor = { type = \"wagi\", entrypoint = \"main\" }\n" + Web, "Wagi component 'web' cannot use deprecated 'entrypoint' field", 7, 42 },
        { "WagiUnknownKey", App + "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"web\"\nexecutor = { type = \"wagi\", args = \"x\" }\n" + Web, "unknown field `args`, expected one of `type`, `argv`, `entrypoint`", 7, 29 },
        { "OutboundHostScheme", App + Trigger + Web + "allowed_outbound_hosts = [\"localhost\"]\n", "`allowed_outbound_hosts` is malformed: \"localhost\" does not contain a scheme (e.g., 'http://' or '*://')", 9, 27 },
        { "OutboundHostWildcard", App + Trigger + Web + "allowed_outbound_hosts = [\"https://*\", \"*\"]\n", "`allowed_outbound_hosts` is malformed: \"*\" is not an allowed outbound host format.\nHosts must be in the form <scheme>://<host>[:<port>], with '*' wildcards allowed for each.\nIf you intended to allow all outbound networking, you can use '*://*:*' - this will obviate all network sandboxing.", 9, 40 },
        { "MissingComponent", App + "[[trigger.http]]\nroute = \"/...\"\ncomponent = \"nope\"\n", "trigger `nope-http-trigger` refers to component `nope`, which is not defined", 6, 13 },
        { "DuplicateTriggerId", App + "[[trigger.http]]\nid = \"t\"\nroute = \"/a\"\ncomponent = \"web\"\n[[trigger.http]]\nid = \"t\"\nroute = \"/b\"\ncomponent = \"web\"\n" + Web, "duplicate trigger id `t`", 8, 1 },
        { "ComponentAndStaticResponse", App + "[[trigger.http]]\nroute = \"/\"\ncomponent = \"web\"\nstatic_response = { body = \"x\" }\n" + Web, "Triggers must specify either component or static_response - web-http-trigger has both", 4, 1 },
        { "NoComponentNorStaticResponse", App + "[[trigger.http]]\nroute = \"/\"\n", "Triggers must specify either component or static_response - http-trigger1 has neither", 4, 1 },
        { "KeyValueLabel", App + Trigger + Web + "key_value_stores = [\"b@d\"]\n", "invalid key-value store label \"b@d\": expected kebab-case or snake_case", 9, 21 },
        { "SourceForm", App + Trigger + "[component.web]\nsource = { file = \"x.wasm\" }\n", "data did not match any variant of untagged enum ComponentSource", 8, 10 },
        { "SourceDigest", App + Trigger + "[component.web]\nsource = { url = \"https://x/y.wasm\", digest = \"md5:00\" }\n", "invalid `digest` \"md5:00\"; must start with 'sha256:'", 8, 47 },
        { "MissingSource", App + Trigger + "[component.web]\ndescription = \"x\"\n", "missing field `source`", 7, 1 },
        { "TemplateUnknownVariable", App + Trigger + Web + "variables = { token = \"{{ api_token }}\" }\n", "invalid variable template in component `web` variable `token`: unknown variable \"api_token\"", 9, 23 },
        { "OutboundTemplateUnknownVariable", App + Trigger + Web + "allowed_outbound_hosts = [\"https://{{ host }}\"]\n", "invalid variable template in component `web` allowed_outbound_hosts: unknown variable \"host\"", 9, 27 },
        { "BuildCommandType", App + Trigger + Web + "build = { command = 3 }\n", "invalid type: integer `3`, expected a command string or a list of command strings", 9, 21 },
        { "MissingTrigger", App + Web, "missing field `trigger`", 1, 1 },
        { "TriggerNotArray", App + "[trigger.http]\nroute = \"/\"\ncomponent = \"web\"\n" + Web, "invalid type: map, expected a sequence", 4, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_InvalidManifest_ReportsErrorWithPosition(string rule, string toml, string message, int line, int column)
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse(toml));

        Assert.True(
            e.Errors.Any(error => error.Message == message && error.Line == line && error.Column == column && error.File == "spin.toml"),
            $"{rule}: expected {line}:{column}: {message}\nactual:\n{e.Message}");
    }

    [Fact]
    public void Load_ManyProblems_ReportsAllAtOnceInDocumentOrder()
    {
        var toml = "spin_manifest_version = 2\n[application]\nname = 3\n[variables]\nfoo = {}\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"nope\"\n";

        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse(toml));

        Assert.Equal([3, 5, 8], e.Errors.Select(error => error.Line));
        Assert.StartsWith("3 errors in spin.toml:\nspin.toml:3:8: invalid type", e.Message);
    }

    [Fact]
    public void Load_OutboundHostError_CarriesSpinLearnMoreHint()
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse(App + Trigger + Web + "allowed_outbound_hosts = [\"localhost\"]\n"));

        Assert.Equal("Learn more: https://spinframework.dev/v3/http-outbound#granting-http-permissions-to-components", e.Errors.Single().Hint);
    }

    [Fact]
    public void Load_TomlSyntaxError_ReportsParserPosition()
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse("spin_manifest_version = 2\n[application\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("TOML parse error: ", error.Message);
    }

    [Fact]
    public void Load_BaseSlash_IsOnlyAWarning()
    {
        var manifest = SpinManifest.Parse(App + "[application.trigger.http]\nbase = \"/\"\n" + Trigger + Web);

        Assert.Contains("deprecated trigger 'base' set to the default value '/'", Assert.Single(manifest.Warnings).Message);
    }
}
