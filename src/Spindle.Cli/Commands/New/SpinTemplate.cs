namespace Spindle.Cli.Commands.New;

/// <summary>A built-in template: its Spin id, description, parameters and content files (embedded resources).</summary>
/// <param name="Id">Spin's template id (<c>http-c</c>).</param>
/// <param name="Description">One line, as <c>spin templates list</c> shows it.</param>
/// <param name="Parameters">The values the content refers to besides <c>project-name</c>.</param>
/// <param name="Files">Paths relative to the template's content directory, written with the same relative paths.</param>
internal sealed record SpinTemplate(string Id, string Description, IReadOnlyList<TemplateParameter> Parameters, IReadOnlyList<string> Files);
