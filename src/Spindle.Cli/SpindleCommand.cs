using System.CommandLine;

namespace Spindle.Cli;

/// <summary>The root `spindle` command. Each command group lives in its own file under Commands/.</summary>
internal static class SpindleCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Spindle: serverless WebAssembly on Kubernetes, compatible with Spin and SpinKube.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(WastCommand.Create());
        root.Subcommands.Add(Commands.Registry.RegistryCommand.Create());
        root.Subcommands.Add(Commands.Kube.KubeCommand.Create());
        root.Subcommands.Add(Commands.Build.BuildCommand.Create());
        root.Subcommands.Add(Commands.Up.UpCommand.Create());
        root.Subcommands.Add(Commands.New.NewCommand.Create());
        return root;
    }
}
