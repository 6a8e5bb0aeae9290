using BenchmarkDotNet.Running;
using Spindle.Bench;

// `kernels` mode times one compute kernel for eng/bench-kernels.sh; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "kernels") return KernelRunner.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
