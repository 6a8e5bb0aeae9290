namespace Spindle.Cli.Wast;

/// <summary>A <c>.wast</c> file could not be converted to JSON (wast2json missing or rejecting the file).</summary>
internal sealed class WastConversionException(string message) : Exception(message);
