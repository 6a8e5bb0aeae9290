using System.Text;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Tests.Fuzz;
using Spindle.Wasm.Validation;

namespace Spindle.Wasm.Tests.Binary;

/// <summary>
/// Runs the decode and validate stages over the spec suite's binary modules: every assert_malformed module is
/// rejected by the decoder, every assert_invalid module by the validator, and every other module is accepted.
/// </summary>
public sealed class SpecSuiteFrontEndTests
{
    public static TheoryData<string> Files => SpecCorpus.FileNames();

    [RequiresTheory(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    [MemberData(nameof(Files))]
    public void DecodeAndValidate_MatchSpecExpectations(string file)
    {
        var failures = new StringBuilder();
        foreach (var command in SpecCorpus.Instance.Commands)
        {
            if (command.File != file)
            {
                continue;
            }

            var outcome = Run(command.Bytes);
            var expected = command.Type switch
            {
                "assert_malformed" => "malformed",
                "assert_invalid" => "invalid",
                _ => "valid",
            };
            if (!outcome.StartsWith(expected, StringComparison.Ordinal))
            {
                failures.AppendLine($"{file}.wast:{command.Line} {command.Type} \"{command.Text}\": got {outcome}");
            }
        }

        Assert.DoesNotContain(file, SpecCorpus.Instance.FailedConversions);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static string Run(byte[] bytes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
            return "valid";
        }
        catch (WasmDecodeException e)
        {
            return "malformed: " + e.Message;
        }
        catch (WasmValidationException e)
        {
            return "invalid: " + e.Message;
        }
    }
}
