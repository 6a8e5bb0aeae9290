namespace Spindle.Toml;

/// <summary>How a table came to exist, which decides what may still add to it (TOML 1.0 "Table" rules).</summary>
internal enum TomlTableState
{
    /// <summary>Built in code, or the root table.</summary>
    Open,

    /// <summary>Created as a parent of a header (<c>[a.b]</c> creates <c>a</c>); may still be declared once.</summary>
    Implicit,

    /// <summary>Declared by a <c>[header]</c> or as a <c>[[header]]</c> element; cannot be declared again.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>); extendable only by dotted keys of the same section.</summary>
    Dotted,

    /// <summary>Written inline; complete and immutable.</summary>
    Inline,
}
