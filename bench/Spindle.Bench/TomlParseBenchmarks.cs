using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Spindle.Toml;

namespace Spindle.Bench;

/// <summary>
/// Parses a generated ~2,000-line spin.toml-like manifest (issue 4: "under a few milliseconds").
/// Run: dotnet run -c Release --project bench/Spindle.Bench -- --filter '*TomlParse*'
/// </summary>
[MemoryDiagnoser]
public class TomlParseBenchmarks
{
    private string _text = "";
    private byte[] _utf8 = [];

    [Params(104)]
    public int Components { get; set; }

    public int Lines { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = GenerateManifest(Components);
        _utf8 = Encoding.UTF8.GetBytes(_text);
        Lines = _text.Split('\n').Length;
    }

    [Benchmark(Baseline = true)]
    public TomlTable ParseString() => TomlDocument.Parse(_text, "spin.toml");

    [Benchmark]
    public TomlTable ParseUtf8() => TomlDocument.Parse(_utf8, "spin.toml");

    /// <summary>A Spin v2 manifest with one HTTP trigger and one component (19 lines) per index; 104 of them make ~2,000 lines.</summary>
    public static string GenerateManifest(int components)
    {
        var builder = new StringBuilder();
        builder.Append("""
            spin_manifest_version = 2

            [application]
            name = "bench-app"
            version = "1.0.0"
            authors = ["Spindle <spindle@example.com>"]
            description = "A generated manifest for the TOML benchmark"

            [application.trigger.http]
            base = "/"

            [variables]
            token = { required = true, secret = true }
            region = { default = "eu-west-1" }


            """);
        for (var i = 0; i < components; i++)
        {
            var id = "component-" + i.ToString(CultureInfo.InvariantCulture);
            builder.Append(CultureInfo.InvariantCulture, $"""
                [[trigger.http]]
                route = "/{id}/..."
                component = "{id}"

                # Component {i}: built from Rust, talks to one API.
                [component.{id}]
                source = "target/wasm32-wasi/release/{id}.wasm"
                description = "Handles requests under /{id}"
                allowed_outbound_hosts = ["https://api{i}.example.com", "redis://localhost:6379", "*://*.spin.internal:*"]
                key_value_stores = ["default", "cache"]
                environment = {"{"} LOG_LEVEL = "info", INSTANCE = "{i}", RATIO = "0.{i}" {"}"}
                files = [{"{"} source = "assets/{id}", destination = "/" {"}"}, "static/**/*.html"]
                [component.{id}.build]
                command = "cargo build --target wasm32-wasi --release"
                workdir = "components/{id}"
                watch = ["src/**/*.rs", 'Cargo.toml']
                [component.{id}.variables]
                api_token = "{"{{"} token {"}}"}"


                """);
        }

        return builder.ToString();
    }
}
