namespace Spindle.Spin;

/// <summary>Rust's <c>{:?}</c> formatting of strings and chars, so messages read exactly as Spin's.</summary>
internal static class RustDebug
{
    public static string String(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Char(char c) => c switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        _ => $"'{c}'",
    };
}
