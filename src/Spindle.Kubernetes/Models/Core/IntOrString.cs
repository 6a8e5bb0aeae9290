using System.Globalization;
using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>intstr.IntOrString: a port number or a port name (a Service's targetPort "http-app", a probe's port 80).</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    public int? Number { get; }

    public string? Name { get; }

    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(null, value);

    public static implicit operator IntOrString(int value) => FromInt(value);

    public static implicit operator IntOrString(string value) => FromString(value);

    public override string ToString() => Name ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
