using System.Globalization;
using System.Text;

namespace Spindle.Operator.Admission;

/// <summary>
/// One invalid field, rendered as apimachinery's field.Error does:
/// <c>spec.replicas: Invalid value: 3: replicas cannot be set when autoscaling is enabled</c>.
/// </summary>
internal sealed record FieldError(string Field, string RenderedValue, string Detail)
{
    public static FieldError Invalid(string field, string? value, string detail) =>
        new(field, value is null ? "null" : GoQuote(value), detail);

    public static FieldError Invalid(string field, long value, string detail) =>
        new(field, value.ToString(CultureInfo.InvariantCulture), detail);

    /// <summary>A map value as Go's %#v prints it: <c>map[string]string{"a":"b", "c":"d"}</c> (keys sorted).</summary>
    public static FieldError Invalid(string field, IDictionary<string, string> value, string detail)
    {
        var keys = value.Keys.OrderBy(k => k, StringComparer.Ordinal);
        var rendered = "map[string]string{" + string.Join(", ", keys.Select(k => GoQuote(k) + ":" + GoQuote(value[k]))) + "}";
        return new FieldError(field, rendered, detail);
    }

    /// <summary>"Invalid value: ...: detail", the part after the field path (a StatusCause's message).</summary>
    public string Body => "Invalid value: " + RenderedValue + ": " + Detail;

    public override string ToString() => Field + ": " + Body;

    /// <summary>Go's strconv.Quote for the printable cases that occur in names and quantities.</summary>
    internal static string GoQuote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                < ' ' or '\x7f' => quoted.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
