namespace Spindle.Toml.Tests;

public sealed class TomlWriterTests
{
    private const string RuntimeConfig = """
        [key_value_store.default]
        type = "redis"
        url = "redis://localhost:6379"

        [key_value_store."user data"]
        type = "spin"
        path = ".spin/user.db"

        [sqlite_database.default]
        type = "spin"
        path = "C:\\data\\db.sqlite"

        [llm_compute]
        type = "remote_http"
        url = "http://127.0.0.1:3000"
        auth_token = "tab\there \"quoted\" \u0001"

        [[config_provider]]
        type = "vault"
        mount = "secret"
        max_retries = 3
        enabled = true
        hosts = ["a.example", "b.example"]

        [[config_provider]]
        type = "env"

        """;

    [Fact]
    public void ToToml_CanonicalDocument_RoundTripsByteForByte()
    {
        var document = TomlDocument.Parse(RuntimeConfig);

        Assert.Equal(RuntimeConfig, TomlWriter.ToToml(document));
    }

    [Fact]
    public void ToToml_IsDeterministic()
    {
        var first = TomlWriter.ToUtf8Bytes(TomlDocument.Parse(RuntimeConfig));
        var second = TomlWriter.ToUtf8Bytes(TomlDocument.Parse(RuntimeConfig));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToToml_BuiltDocument_WritesValuesBeforeSubTablesAndOmitsEmptyParents()
    {
        var root = new TomlTable();
        var stores = new TomlTable();
        var store = new TomlTable();
        store.Add("type", new TomlString("spin"));
        stores.Add("default", store);
        root.Add("key_value_store", stores);
        root.Add("version", new TomlInteger(1));
        var hosts = new TomlArray();
        hosts.Add(new TomlString("*://*.example:*"));
        root.Add("allowed", hosts);
        root.Add("empty", new TomlTable());

        var text = TomlWriter.ToToml(root);

        Assert.Equal("""
            version = 1
            allowed = ["*://*.example:*"]

            [key_value_store.default]
            type = "spin"

            [empty]

            """, text);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with-dash_and_9", "with-dash_and_9")]
    [InlineData("has space", "\"has space\"")]
    [InlineData("a.b", "\"a.b\"")]
    [InlineData("", "\"\"")]
    [InlineData("é", "\"é\"")]
    public void FormatKey_QuotesOnlyWhenNeeded(string key, string expected)
        => Assert.Equal(expected, TomlWriter.FormatKey(key));

    [Theory]
    [InlineData("line\nbreak\r\t\b\f", "\"line\\nbreak\\r\\t\\b\\f\"")]
    [InlineData("quote\" back\\slash", "\"quote\\\" back\\\\slash\"")]
    [InlineData("nul\0del\x7F", "\"nul\\u0000del\\u007F\"")]
    [InlineData("ünïcode 😀", "\"ünïcode 😀\"")]
    public void QuoteBasic_EscapesWhatTomlRequires(string value, string expected)
    {
        var quoted = TomlWriter.QuoteBasic(value);

        Assert.Equal(expected, quoted);
        Assert.Equal(value, ((TomlString)TomlDocument.Parse("k = " + quoted)["k"]).Value);
    }

    [Fact]
    public void ToToml_ParsedBack_EqualsOriginalValues()
    {
        var original = TomlDocument.Parse("""
            title = "x"
            f = 1.5
            big = 1e300
            whole = 3.0
            nan = nan
            when = 1979-05-27T07:32:00Z
            inline = { a = 1, b = [1, 2] }
            nested = [[1], ["a"]]
            [a.b.c]
            d = true
            [[a.list]]
            x = 1
            [[a.list]]
            [a.list.sub]
            y = 2
            """);

        var written = TomlWriter.ToToml(original);
        var reparsed = TomlDocument.Parse(written);

        Assert.Equal(written, TomlWriter.ToToml(reparsed));
        Assert.Equal(1e300, ((TomlFloat)reparsed["big"]).Value);
        Assert.Equal(3.0, ((TomlFloat)reparsed["whole"]).Value);
        Assert.Equal(2L, ((TomlInteger)((TomlTable)((TomlTable)((TomlArray)((TomlTable)reparsed["a"])["list"])[1])["sub"])["y"]).Value);
    }

    [Fact]
    public void ToToml_DateTimesBuiltInCode_ReadBackAsTheSameKindAndValue()
    {
        var root = new TomlTable();
        root.Add("odt", new TomlDateTime(new DateTimeOffset(2026, 11, 21, 8, 10, 0, TimeSpan.FromHours(1)).AddTicks(5)));
        root.Add("ldt", new TomlDateTime(new DateTime(2026, 11, 21, 8, 10, 0, DateTimeKind.Utc)));
        root.Add("ld", new TomlDateTime(new DateOnly(2026, 11, 21)));
        root.Add("lt", new TomlDateTime(new TimeOnly(8, 10, 0, 250)));

        var reparsed = TomlDocument.Parse(TomlWriter.ToToml(root));

        Assert.Equal(((TomlDateTime)root["odt"]).Offset, ((TomlDateTime)reparsed["odt"]).Offset);
        Assert.Equal("2026-11-21T08:10:00", ((TomlDateTime)reparsed["ldt"]).Text);
        Assert.Equal(new DateOnly(2026, 11, 21), ((TomlDateTime)reparsed["ld"]).Date);
        Assert.Equal(new TimeOnly(8, 10, 0, 250), ((TomlDateTime)reparsed["lt"]).Time);
        Assert.Equal(TomlNodeKind.LocalTime, reparsed["lt"].Kind);
    }
}
