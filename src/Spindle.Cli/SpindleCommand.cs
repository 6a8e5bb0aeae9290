using System.CommandLine;

namespace Spindle.Cli;

/// <summary>The root `spindle` command. Each command group lives in its own file under Commands/.</summary>
internal static class SpindleCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Spindle: serverless WebAssembly on Kubernetes, compatible with Spin and SpinKube.");
        root.Subcommands.Add(VersionCommand.Create());
        return root;
    }
}
