using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Spindle.Oci.Tests.Support;

/// <summary>
/// A small Spin app on disk, as a loader leaves it for push: two components (one wasm above and one below the
/// 128-byte inline limit), copied file mounts with a small (inlined) file, larger files and one file shared by
/// both components (deduplicated), and the locked-app JSON pointing at them with file:// URLs.
/// </summary>
public sealed class TestApp : IDisposable
{
    public TestApp(string name = "golden", int seed = 1)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("spindle-app-").FullName;
        ApiWasm = Wasm(200, seed);
        TinyWasm = Wasm(0, seed);
        IndexHtml = Filler("<html>index</html>", 300, seed);
        Shared = Filler("shared", 400, seed);
        Write("api.wasm", ApiWasm);
        Write("tiny.wasm", TinyWasm);
        Write("assets/api/index.html", IndexHtml);
        Write("assets/api/small.txt", Small);
        Write("assets/api/sub/dup.bin", Shared);
        Write("assets/tiny/dup.bin", Shared);
        var root = new JsonObject
        {
            ["spin_lock_version"] = 0,
            ["metadata"] = new JsonObject
            {
                ["authors"] = new JsonArray("Ada <ada@example.com>", "Bob"),
                ["description"] = "A golden app",
                ["name"] = name,
                ["origin"] = Url("spin.toml"),
                ["trigger"] = new JsonObject { ["type"] = "http" },
                ["version"] = "1.2.3",
            },
            ["triggers"] = new JsonArray(
                new JsonObject { ["id"] = "api-http", ["trigger_type"] = "http", ["trigger_config"] = new JsonObject { ["component"] = "api", ["route"] = "/api/..." } },
                new JsonObject { ["id"] = "tiny-http", ["trigger_type"] = "http", ["trigger_config"] = new JsonObject { ["component"] = "tiny", ["route"] = "/..." } }),
            ["components"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "api",
                    ["source"] = new JsonObject { ["content_type"] = "application/wasm", ["source"] = Url("api.wasm") },
                    ["env"] = new JsonObject { ["K"] = "V" },
                    ["files"] = new JsonArray(new JsonObject { ["source"] = Url("assets/api"), ["path"] = "/" }),
                },
                new JsonObject
                {
                    ["id"] = "tiny",
                    ["source"] = new JsonObject { ["content_type"] = "application/wasm", ["source"] = Url("tiny.wasm") },
                    ["files"] = new JsonArray(new JsonObject { ["source"] = Url("assets/tiny"), ["path"] = "/" }),
                }),
        };
        LockedJson = Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static byte[] Small { get; } = "hi"u8.ToArray();

    public string Directory { get; }

    public byte[] ApiWasm { get; }

    public byte[] TinyWasm { get; }

    public byte[] IndexHtml { get; }

    public byte[] Shared { get; }

    public byte[] LockedJson { get; }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Url(string relative) => new Uri(Path.Combine(Directory, relative)).AbsoluteUri;

    private void Write(string relative, byte[] content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private static byte[] Wasm(int extra, int seed)
    {
        var bytes = new byte[8 + extra];
        new byte[] { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 }.CopyTo(bytes, 0);
        for (var i = 8; i < bytes.Length; i++) bytes[i] = (byte)(i * seed);
        return bytes;
    }

    private static byte[] Filler(string prefix, int length, int seed)
    {
        var bytes = new byte[length];
        Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        for (var i = prefix.Length; i < length; i++) bytes[i] = (byte)('a' + (i + seed) % 26);
        return bytes;
    }
}
