using System.Text;

namespace Spindle.Toml.Tests;

public sealed class TomlDocumentTests
{
    [Fact]
    public void Parse_KeepsKeyOrder()
    {
        var table = TomlDocument.Parse("zeta = 1\nalpha = 2\nmid = 3\n[b]\n[a]\n");

        Assert.Equal(["zeta", "alpha", "mid", "b", "a"], table.Keys);
    }

    [Fact]
    public void Parse_KeepsKeyOrder_PastIndexThreshold()
    {
        var text = new StringBuilder();
        for (var i = 20; i > 0; i--)
        {
            text.Append('k').Append(i).Append(" = ").Append(i).Append('\n');
        }

        var table = TomlDocument.Parse(text.ToString());

        Assert.Equal(20, table.Count);
        Assert.Equal("k20", table.Keys.First());
        Assert.Equal(7L, ((TomlInteger)table["k7"]).Value);
        Assert.Throws<TomlException>(() => TomlDocument.Parse(text + "k3 = 0\n"));
    }

    [Fact]
    public void Parse_RecordsPositionsOfKeysValuesAndHeaders()
    {
        var table = TomlDocument.Parse("""
            spin_manifest_version = 2

            [application]
              name = "hello"
            [component.hello]
            source = { url = "x", digest = "y" }
            """);

        Assert.Equal(new TomlPosition(1, 1), table.GetKeyPosition("spin_manifest_version"));
        Assert.Equal(new TomlPosition(1, 25), table["spin_manifest_version"].Position);
        var application = (TomlTable)table["application"];
        Assert.Equal(new TomlPosition(3, 1), application.Position);
        Assert.Equal(new TomlPosition(3, 2), table.GetKeyPosition("application"));
        Assert.Equal(new TomlPosition(4, 3), application.GetKeyPosition("name"));
        Assert.Equal(new TomlPosition(4, 10), application["name"].Position);
        var component = (TomlTable)table["component"];
        Assert.Equal(new TomlPosition(5, 2), component.Position);
        var hello = (TomlTable)component["hello"];
        Assert.Equal(new TomlPosition(5, 1), hello.Position);
        var source = (TomlTable)hello["source"];
        Assert.True(source.IsInline);
        Assert.Equal(new TomlPosition(6, 10), source.Position);
        Assert.Equal(new TomlPosition(6, 23), source.GetKeyPosition("digest"));
    }

    [Fact]
    public void Parse_ImplicitTableTakesHeaderPositionWhenDeclaredLater()
    {
        var table = TomlDocument.Parse("[a.b]\nx = 1\n\n[a]\ny = 2\n");

        var a = (TomlTable)table["a"];
        Assert.Equal(new TomlPosition(4, 1), a.Position);
        Assert.Equal(["b", "y"], a.Keys);
    }

    [Fact]
    public void Parse_ArrayOfTables_MarksElementsAndAppendsSubTablesToLast()
    {
        var table = TomlDocument.Parse("""
            [[trigger.http]]
            route = "/a"
            [[trigger.http]]
            route = "/b"
            [trigger.http.executor]
            type = "wagi"
            """);

        var http = (TomlArray)((TomlTable)table["trigger"])["http"];
        Assert.True(http.IsArrayOfTables);
        Assert.Equal(2, http.Count);
        var second = (TomlTable)http[1];
        Assert.True(second.IsArrayOfTablesElement);
        Assert.Equal(new TomlPosition(3, 1), second.Position);
        Assert.Equal("wagi", ((TomlString)((TomlTable)second["executor"])["type"]).Value);
        Assert.False(((TomlTable)http[0]).ContainsKey("executor"));
    }

    [Theory]
    [InlineData("a = 1979-05-27T07:32:00.999999-07:00", TomlNodeKind.OffsetDateTime, "1979-05-27T07:32:00.999999-07:00")]
    [InlineData("a = 1979-05-27 07:32:00z", TomlNodeKind.OffsetDateTime, "1979-05-27T07:32:00Z")]
    [InlineData("a = 1979-05-27t07:32:00.123456789", TomlNodeKind.LocalDateTime, "1979-05-27T07:32:00.123456789")]
    [InlineData("a = 1979-05-27", TomlNodeKind.LocalDate, "1979-05-27")]
    [InlineData("a = 00:32:00.000001", TomlNodeKind.LocalTime, "00:32:00.000001")]
    public void Parse_DateTimes_KeepKindAndText(string toml, TomlNodeKind kind, string text)
    {
        var value = (TomlDateTime)TomlDocument.Parse(toml)["a"];

        Assert.Equal(kind, value.Kind);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Parse_DateTimes_KeepMicroseconds()
    {
        var table = TomlDocument.Parse("""
            odt = 1979-05-27T07:32:00.999999-07:00
            ldt = 1979-05-27T07:32:00.1234567
            ld = 1979-05-27
            lt = 07:32:00.000001
            """);

        var odt = ((TomlDateTime)table["odt"]).Offset!.Value;
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, 999, 999, TimeSpan.FromHours(-7)), odt);
        Assert.Equal(new DateTime(1979, 5, 27, 7, 32, 0).AddTicks(1234567), ((TomlDateTime)table["ldt"]).Local);
        Assert.Equal(new DateOnly(1979, 5, 27), ((TomlDateTime)table["ld"]).Date);
        Assert.Equal(new TimeOnly(7, 32, 0, 0, 1), ((TomlDateTime)table["lt"]).Time);
        Assert.Null(((TomlDateTime)table["ld"]).Offset);
    }

    [Fact]
    public void Parse_OffsetBeyondFourteenHours_KeepsTheInstant()
    {
        var value = (TomlDateTime)TomlDocument.Parse("a = 2000-01-01T00:00:00+23:59")["a"];

        Assert.Equal(new DateTimeOffset(1999, 12, 31, 0, 1, 0, TimeSpan.Zero), value.Offset);
    }

    [Theory]
    [InlineData("a = 0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("a = -9223372036854775808", long.MinValue)]
    [InlineData("a = 0o17_7", 127L)]
    [InlineData("a = 0b1_0", 2L)]
    [InlineData("a = +1_000", 1000L)]
    public void Parse_Integers(string toml, long expected)
        => Assert.Equal(expected, ((TomlInteger)TomlDocument.Parse(toml)["a"]).Value);

    [Theory]
    [InlineData("a = 9223372036854775808")]
    [InlineData("a = 0x8000000000000000")]
    [InlineData("a = -9223372036854775809")]
    public void Parse_IntegerOverflow_IsRejected(string toml)
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(toml));

        Assert.Equal(new TomlPosition(1, 5), error.Position);
        Assert.Contains("out of range", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Strings_AllKinds()
    {
        var table = TomlDocument.Parse("b = \"tab\\there \\u00E9 \\U0001F600\"\nl = 'C:\\path'\nm = \"\"\"\nline one \\\n    continued\"\"\"\nr = '''\nraw \\n'''\n");

        Assert.Equal("tab\there é 😀", ((TomlString)table["b"]).Value);
        Assert.Equal("C:\\path", ((TomlString)table["l"]).Value);
        Assert.Equal("line one continued", ((TomlString)table["m"]).Value);
        Assert.Equal("raw \\n", ((TomlString)table["r"]).Value);
    }

    [Fact]
    public void Parse_CrlfAndBom_AreAccepted()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFa = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n");

        var table = TomlDocument.Parse(bytes);

        Assert.Equal("x\ny", ((TomlString)table["b"]).Value);
        Assert.Equal(new TomlPosition(2, 1), table.GetKeyPosition("b"));
        Assert.Equal(new TomlPosition(1, 1), table.GetKeyPosition("a"));
    }

    [Fact]
    public void Parse_ColumnsCountCharactersNotUtf16Units()
    {
        var table = TomlDocument.Parse("a = \"😀😀\"; b = 1".Replace(";", "\n", StringComparison.Ordinal) + "\n\"😀\" = 2 # \n");

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse("\"😀\" = 1 x"));
        Assert.Equal(new TomlPosition(1, 9), error.Position);
        Assert.Equal(new TomlPosition(3, 7), table["😀"].Position);
    }

    [Fact]
    public void Parse_MissingEquals_NamesKeyAndPosition()
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse("[application]\nname \"x\"\n", "spin.toml"));

        Assert.Equal("spin.toml", error.SourceName);
        Assert.Equal(2, error.Line);
        Assert.Equal(6, error.Column);
        Assert.StartsWith("spin.toml:2:6: expected '=' after key 'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_PointsAtSecondAndNamesFirst()
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse("name = 1\n  name = 2\n"));

        Assert.Equal(new TomlPosition(2, 3), error.Position);
        Assert.Contains("already defined at 1:1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_ReportsLineAndColumn()
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse([(byte)'a', (byte)'=', (byte)'1', (byte)'\n', (byte)'b', (byte)'=', 0xC3, (byte)'\n'], "x.toml"));

        Assert.Equal(new TomlPosition(2, 3), error.Position);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_IsRejectedWithTomlException()
    {
        var text = "a = " + new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(text));

        Assert.Contains("nested", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_NamesTheFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spindle-toml-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "ok = true\n[bad\n");
        try
        {
            var error = Assert.Throws<TomlException>(() => TomlDocument.ParseFile(path));

            Assert.Equal(path, error.SourceName);
            Assert.StartsWith($"{path}:2:5: expected ']'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Table_Indexer_ThrowsForMissingKey_AndTryGetValueReturnsFalse()
    {
        var table = TomlDocument.Parse("a = 1");

        Assert.False(table.TryGetValue("b", out _));
        Assert.Throws<KeyNotFoundException>(() => table["b"]);
        Assert.Equal(TomlNodeKind.Integer, table["a"].Kind);
        Assert.Equal("integer", table["a"].TypeName);
    }
}
