namespace Spindle.Operator.Scaffold;

/// <summary>Invalid scaffold input; <see cref="Errors"/> holds every problem found, each a complete sentence.</summary>
public sealed class ScaffoldException : Exception
{
    public ScaffoldException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
