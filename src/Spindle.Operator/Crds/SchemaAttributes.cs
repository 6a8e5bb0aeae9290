namespace Spindle.Operator.Crds;

/// <summary>The field is listed in its object's OpenAPI <c>required</c> (kubebuilder's <c>+kubebuilder:validation:Required</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CrdRequiredAttribute : Attribute;

/// <summary>The API server fills this default when the field is absent (<c>+kubebuilder:default</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CrdDefaultAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>An array with at least this many items (<c>+kubebuilder:validation:MinItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CrdMinItemsAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}

/// <summary>The field's description in the schema (what <c>kubectl explain</c> prints).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
internal sealed class CrdDescriptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
