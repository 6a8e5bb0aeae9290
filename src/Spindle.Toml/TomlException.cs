namespace Spindle.Toml;

/// <summary>A TOML document could not be read: where (source, line, column) and why.</summary>
public sealed class TomlException : Exception
{
    public TomlException(string reason, int line, int column, string? sourceName = null)
        : base(Format(sourceName, line, column, reason))
    {
        Reason = reason;
        Line = line;
        Column = column;
        SourceName = sourceName;
    }

    public TomlException() : this("invalid TOML", 0, 0)
    {
    }

    public TomlException(string message) : this(message, 0, 0)
    {
    }

    public TomlException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The file name given to the parser, if any.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column (in characters) of the problem.</summary>
    public int Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; } = "";

    public TomlPosition Position => new(Line, Column);

    private static string Format(string? sourceName, int line, int column, string reason)
        => sourceName is null ? $"{line}:{column}: {reason}" : $"{sourceName}:{line}:{column}: {reason}";
}
