using System.Text.Json.Nodes;

namespace Spindle.Toml.Tests.Conformance;

/// <summary>
/// toml-test (TOML 1.0.0 set): every valid case decodes to its expected JSON, every invalid case is
/// rejected with a TomlException carrying a line and column. Skip list: none.
/// </summary>
public sealed class TomlTestSuiteTests
{
    public static TheoryData<string> ValidCases => TomlTestSuite.Cases("valid");

    public static TheoryData<string> InvalidCases => TomlTestSuite.Cases("invalid");

    [RequiresTheory(Requirement.TomlTestSuite)]
    [MemberData(nameof(ValidCases))]
    public void Valid_DecodesToExpectedJson(string name)
    {
        var document = TomlDocument.ParseFile(TomlTestSuite.PathOf(name, ".toml"));
        var expected = JsonNode.Parse(File.ReadAllText(TomlTestSuite.PathOf(name, ".json")));
        var actual = TaggedJson.FromToml(document);

        var difference = TaggedJson.Compare(expected, actual);
        Assert.True(difference is null, $"{name}: {difference}\nactual: {actual.ToJsonString()}");
    }

    [RequiresTheory(Requirement.TomlTestSuite)]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_IsRejectedWithLineAndColumn(string name)
    {
        var bytes = File.ReadAllBytes(TomlTestSuite.PathOf(name, ".toml"));

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(bytes, name + ".toml"));

        Assert.True(error.Line >= 1 && error.Column >= 1, $"{name}: no position in '{error.Message}'");
        Assert.StartsWith($"{name}.toml:{error.Line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
    }
}
