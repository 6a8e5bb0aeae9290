using System.CommandLine;
using Spindle.Cli;

return await SpindleCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
