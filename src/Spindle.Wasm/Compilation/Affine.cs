namespace Spindle.Wasm.Compilation;

/// <summary>
/// An i32 value known as <c>Σ coef·v(local) + Constant</c>, where <c>v(local)</c> is a local's value at the start of a
/// loop iteration (<see cref="LoopAnalyzer"/>). Arithmetic is exact in 64 bits; the i32 value the guest computes is
/// congruent to it modulo 2^32, so whenever the 64-bit value lies in [0, 2^32) the two are equal. Coefficients and
/// constants are kept small so that evaluating the form at run time cannot overflow 64 bits.
/// </summary>
internal sealed class Affine
{
    private const long MaxCoefficient = 1 << 16;
    private const long MaxConstant = 1L << 40;
    private const int MaxTerms = 8;

    private Affine(KeyValuePair<int, long>[] terms, long constant)
    {
        Terms = terms;
        Constant = constant;
    }

    /// <summary>(local, coefficient) pairs sorted by local, no zero coefficients.</summary>
    public KeyValuePair<int, long>[] Terms { get; }

    public long Constant { get; }

    public bool IsConstant => Terms.Length == 0;

    public static Affine Of(int local) => new([new(local, 1)], 0);

    public static Affine? Const(long value) => Math.Abs(value) > MaxConstant ? null : new([], value);

    /// <summary>The coefficient of <paramref name="local"/> (0 when absent).</summary>
    public long CoefficientOf(int local)
    {
        foreach (var (l, c) in Terms)
        {
            if (l == local)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>This plus <paramref name="sign"/> times <paramref name="other"/>, or null when it leaves the supported range.</summary>
    public Affine? Add(Affine other, long sign)
    {
        var merged = new SortedDictionary<int, long>();
        foreach (var (l, c) in Terms)
        {
            merged[l] = c;
        }

        foreach (var (l, c) in other.Terms)
        {
            merged[l] = merged.GetValueOrDefault(l) + (sign * c);
        }

        return Create(merged, Constant + (sign * other.Constant));
    }

    public Affine? Scale(long factor)
    {
        if (Math.Abs(factor) > MaxCoefficient)
        {
            return null;
        }

        var scaled = new SortedDictionary<int, long>();
        foreach (var (l, c) in Terms)
        {
            scaled[l] = c * factor;
        }

        return Create(scaled, Constant * factor);
    }

    /// <summary>This without its constant: the form shared by accesses whose addresses differ by a constant.</summary>
    public Affine WithoutConstant() => new(Terms, 0);

    /// <summary>A key equal for forms with the same terms (constants ignored).</summary>
    public string TermsKey() => string.Join(",", Terms.Select(t => $"{t.Key}*{t.Value}"));

    public bool SameAs(Affine other) => Constant == other.Constant && TermsKey() == other.TermsKey();

    private static Affine? Create(SortedDictionary<int, long> terms, long constant)
    {
        if (Math.Abs(constant) > MaxConstant)
        {
            return null;
        }

        var list = new List<KeyValuePair<int, long>>(terms.Count);
        foreach (var (l, c) in terms)
        {
            if (c == 0)
            {
                continue;
            }

            if (Math.Abs(c) > MaxCoefficient)
            {
                return null;
            }

            list.Add(new(l, c));
        }

        return list.Count > MaxTerms ? null : new([.. list], constant);
    }

    public override string ToString() => string.Join(" + ", Terms.Select(t => $"{t.Value}·v{t.Key}").Append(Constant.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
