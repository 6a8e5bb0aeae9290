using System.Text.RegularExpressions;

namespace Spindle.Cli.Commands.New;

/// <summary>A value a template asks for (Spin's <c>[parameters]</c> in <c>spin-template.toml</c>).</summary>
/// <param name="Name">The key used in <c>{{ name }}</c> and <c>--value name=...</c>.</param>
/// <param name="Prompt">What the value is, for <c>--list</c> and error messages.</param>
/// <param name="Default">Used when no <c>--value</c> gives one (as with <c>--accept-defaults</c>).</param>
/// <param name="Pattern">When set, the value must match it.</param>
/// <param name="PatternHelp">The rule <paramref name="Pattern"/> enforces, in words.</param>
internal sealed record TemplateParameter(string Name, string Prompt, string Default, Regex? Pattern = null, string? PatternHelp = null);
