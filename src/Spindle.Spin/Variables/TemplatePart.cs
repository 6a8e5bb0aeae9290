namespace Spindle.Spin.Variables;

/// <summary>One piece of a <see cref="Template"/>: literal text, or the name inside <c>{{ }}</c>.</summary>
public readonly record struct TemplatePart(bool IsExpression, string Text);
