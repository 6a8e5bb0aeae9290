using System.Diagnostics;
using System.Text;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm;

/// <summary>A function signature: parameter and result types. Compared structurally.</summary>
public sealed class FuncType : IEquatable<FuncType>
{
    private readonly ValType[] _parameters;
    private readonly ValType[] _results;

    public FuncType(IReadOnlyList<ValType> parameters, IReadOnlyList<ValType> results)
    {
        _parameters = [.. parameters];
        _results = [.. results];
    }

    // Decoder path: keeps the arrays without copying. `owned` only tells this overload apart from the public one.
    internal FuncType(ValType[] parameters, ValType[] results, bool owned)
    {
        Debug.Assert(owned, "callers hand over arrays they no longer modify");
        _parameters = parameters;
        _results = results;
    }

    public static FuncType Empty { get; } = new([], [], owned: true);

    public IReadOnlyList<ValType> Parameters => _parameters;

    public IReadOnlyList<ValType> Results => _results;

    internal ReadOnlySpan<ValType> ParameterSpan => _parameters;

    internal ReadOnlySpan<ValType> ResultSpan => _results;

    // Shared arrays for hot paths (validator, compiler); callers must not modify them.
    internal ValType[] ParameterArray => _parameters;

    internal ValType[] ResultArray => _results;

    public bool Equals(FuncType? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (_parameters.AsSpan().SequenceEqual(other._parameters) && _results.AsSpan().SequenceEqual(other._results)));

    public override bool Equals(object? obj) => Equals(obj as FuncType);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in _parameters)
        {
            hash.Add(p);
        }

        hash.Add(0xFF);
        foreach (var r in _results)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(FuncType? left, FuncType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(FuncType? left, FuncType? right) => !(left == right);

    /// <summary>Formats as <c>[i32 i32] -> [i64]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb, _parameters);
        sb.Append(" -> ");
        Append(sb, _results);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ValType[] types)
    {
        sb.Append('[');
        for (var i = 0; i < types.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(ValTypes.Name(types[i]));
        }

        sb.Append(']');
    }
}
