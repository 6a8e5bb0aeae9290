namespace Spindle.Cli.Wast;

/// <summary>The host object a script's <c>ref.extern N</c> stands for; equal when N is equal.</summary>
internal sealed record ExternRef(ulong Value)
{
    public override string ToString() => $"ref.extern {Value}";
}
