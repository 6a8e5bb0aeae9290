namespace Spindle.Operator;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("spindle-operator: not implemented yet (see issue 7).");
        return args.Length == 0 ? 1 : 1;
    }
}
