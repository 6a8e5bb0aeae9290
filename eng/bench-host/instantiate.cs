// Median time for one request in-process: WagiExecutor.Execute on samples/hello (fresh Store, WASI context and
// instance, CGI environment, _start, stdout parsed; the linker is built at load), no HTTP. Run by eng/bench-host.sh; prints the median and p99.
// The assembly is named Spindle.Bench to see Spindle.Host's internals (Directory.Build.props InternalsVisibleTo).
#:project ../../src/Spindle.Host/Spindle.Host.csproj
#:property AssemblyName=Spindle.Bench
#:property PublishAot=false
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using System.Net;
using Spindle.Host.Execution;
using Spindle.Host.Routing;
using Spindle.Host.Wagi;
using Spindle.Wasm;

var wasm = args.Length > 0 ? args[0] : "samples/hello/hello.wasm";
var engine = new Engine(new EngineOptions { EpochInterruption = true });
var module = Module.FromFile(engine, wasm);
var executor = new WagiExecutor("hello", module, new WagiSettings());
var request = new ComponentRequest
{
    Method = "GET",
    Path = "/hello",
    Headers = [new("Host", "127.0.0.1:3000"), new("User-Agent", "bench")],
    ClientAddress = IPEndPoint.Parse("127.0.0.1:50000"),
    Match = Router.Build("/", [RouteEntry.Pattern("hello", "/hello")]).Route("/hello")!,
};

for (var i = 0; i < 2000; i++) executor.Execute(request, CancellationToken.None); // warm-up: JIT and tiering
const int runs = 20000;
var samples = new double[runs];
for (var i = 0; i < runs; i++)
{
    var start = Stopwatch.GetTimestamp();
    var response = executor.Execute(request, CancellationToken.None);
    samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    if (response.Status != 200) throw new InvalidOperationException($"status {response.Status}");
}

Array.Sort(samples);
Console.WriteLine($"in-process request (WagiExecutor.Execute, {runs} runs): median {samples[runs / 2]:F1} us, p99 {samples[runs * 99 / 100]:F1} us");
