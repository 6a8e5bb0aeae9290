namespace Spindle.Toml.Tests.Conformance;

/// <summary>
/// Deterministic mutations of the toml-test inputs: whatever the bytes, the reader either returns a
/// document (which the writer turns into TOML that reads back to the same text) or throws a
/// TomlException with a position, never another exception.
/// </summary>
public sealed class MutationTests
{
    private static readonly byte[] Alphabet = "[]{}=,.\"'#\n\r\t +-_:0123456789eExobinfaTZz\\u"u8.ToArray();

    [RequiresFact(Requirement.TomlTestSuite)]
    public void Parse_MutatedInputs_ReturnDocumentOrThrowTomlException()
    {
        var files = Directory.GetFiles(TomlTestSuite.Directory, "*.toml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var random = new Random(20261121);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (var round = 0; round < 8; round++)
            {
                var input = Mutate(original, random);
                try
                {
                    var written = TomlWriter.ToToml(TomlDocument.Parse(input));
                    if (TomlWriter.ToToml(TomlDocument.Parse(written)) != written)
                    {
                        failures.Add($"{file} round {round}: writer output does not read back the same");
                    }
                }
                catch (TomlException e) when (e.Line >= 1 && e.Column >= 1)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{file} round {round}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[at] = random.Next(4) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)];
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
