using System.Net;
using Spindle.Kubernetes.Controllers;
using Spindle.Kubernetes.Tests.Fakes;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Controllers;

public sealed class InformerTests : IDisposable
{
    private readonly FakeApiServer _server = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _server.Dispose();
        _timeout.Dispose();
    }

    private static string Item(string name, string version) => $$$"""{"metadata":{"name":"{{{name}}}","namespace":"ns","resourceVersion":"{{{version}}}"}}""";

    private static string List(string version, params string[] items) => $$"""{"metadata":{"resourceVersion":"{{version}}"},"items":[{{string.Join(",", items)}}]}""";

    private static Informer<TestConfigMap> ConfigMapInformer(KubernetesClient client, InformerOptions options) =>
        new(client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap), options);

    private async Task<RecordedRequest> NextRequestAsync() => await _server.Arrivals.Reader.ReadAsync(_timeout.Token);

    [Fact]
    public async Task Run_ResumesFromBookmark_RelistsOnGone_AndReportsVanishedObjects()
    {
        using var client = _server.CreateClient();
        var informer = ConfigMapInformer(client, new InformerOptions { Namespace = "ns" });
        var log = new List<string>();
        informer.Added += o => log.Add("added " + o.Metadata.Name);
        informer.Updated += (old, o) => log.Add($"updated {o.Metadata.Name} {old.Metadata.ResourceVersion}->{o.Metadata.ResourceVersion}");
        informer.Deleted += o => log.Add("deleted " + o.Metadata.Name);

        _server.RespondJson(HttpStatusCode.OK, List("10", Item("a", "5"), Item("b", "6")));
        var first = _server.RespondWatch();
        first.WriteLine($$"""{"type":"ADDED","object":{{Item("c", "11")}}}""");
        first.WriteLine($$"""{"type":"MODIFIED","object":{{Item("a", "12")}}}""");
        first.WriteLine("""{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"20"}}}""");
        first.End();
        var second = _server.RespondWatch();
        second.WriteLine("""{"type":"ERROR","object":""" + FakeApiServer.StatusJson(410, "Expired", "too old resource version: 20 (25)") + "}");
        second.End();
        _server.RespondJson(HttpStatusCode.OK, List("30", Item("a", "12"), Item("c", "13")));
        var third = _server.RespondWatch();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var running = informer.RunAsync(stop.Token);
        var paths = new List<string>();
        for (var i = 0; i < 5; i++) paths.Add((await NextRequestAsync()).PathAndQuery);
        await stop.CancelAsync();
        await running;

        Assert.StartsWith("/api/v1/namespaces/ns/configmaps?limit=500", paths[0], StringComparison.Ordinal);
        Assert.Contains("watch=true&resourceVersion=10&allowWatchBookmarks=true", paths[1], StringComparison.Ordinal);
        Assert.Contains("watch=true&resourceVersion=20&", paths[2], StringComparison.Ordinal);
        Assert.StartsWith("/api/v1/namespaces/ns/configmaps?limit=500", paths[3], StringComparison.Ordinal);
        Assert.Contains("watch=true&resourceVersion=30&", paths[4], StringComparison.Ordinal);
        Assert.Equal(["added a", "added b", "added c", "updated a 5->12", "updated c 11->13", "deleted b"], log);
        Assert.Equal(["a", "c"], informer.List().Select(o => o.Metadata.Name).Order());
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public async Task Run_ListFails_RetriesAfterJitteredBackoff()
    {
        var time = new ManualTimeProvider();
        using var client = _server.CreateClient(time);
        var informer = ConfigMapInformer(client, new InformerOptions { Namespace = "ns", InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) });
        _server.RespondJson(HttpStatusCode.InternalServerError, FakeApiServer.StatusJson(500, "InternalError", "etcd unavailable"));
        _server.RespondJson(HttpStatusCode.InternalServerError, FakeApiServer.StatusJson(500, "InternalError", "etcd unavailable"));
        _server.RespondJson(HttpStatusCode.OK, List("7", Item("a", "1")));
        _server.RespondWatch();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var timer = time.NextTimerCreated();
        var running = informer.RunAsync(stop.Token);
        await NextRequestAsync();
        await timer.WaitAsync(_timeout.Token);
        var firstDelay = Assert.Single(time.PendingDelays);
        Assert.InRange(firstDelay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        timer = time.NextTimerCreated();
        time.Advance(firstDelay);
        await NextRequestAsync();
        await timer.WaitAsync(_timeout.Token);
        var secondDelay = Assert.Single(time.PendingDelays);
        Assert.InRange(secondDelay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        time.Advance(secondDelay);
        await NextRequestAsync();
        await informer.WaitForSyncAsync(_timeout.Token);
        Assert.NotNull(informer.TryGet(new ObjectKey("ns", "a")));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Run_WatchOutlivesItsTimeout_Reconnects()
    {
        var time = new ManualTimeProvider();
        using var client = _server.CreateClient(time);
        var informer = ConfigMapInformer(client, new InformerOptions { Namespace = "ns", WatchTimeout = TimeSpan.FromMinutes(1) });
        _server.RespondJson(HttpStatusCode.OK, List("7"));
        _server.RespondWatch();
        _server.RespondWatch();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var running = informer.RunAsync(stop.Token);
        await NextRequestAsync();
        await NextRequestAsync();

        // The silent stream is abandoned after timeoutSeconds (60..120 s) plus a minute; having lasted that long, it
        // counts as healthy and the informer reconnects at once.
        time.Advance(TimeSpan.FromSeconds(181));
        var again = await NextRequestAsync();

        Assert.Contains("watch=true&resourceVersion=7&", again.PathAndQuery, StringComparison.Ordinal);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Run_WatchEndsAtOnceWithNothing_BacksOffBeforeReconnecting()
    {
        var time = new ManualTimeProvider();
        using var client = _server.CreateClient(time);
        var informer = ConfigMapInformer(client, new InformerOptions { Namespace = "ns" });
        _server.RespondJson(HttpStatusCode.OK, List("7"));
        _server.RespondWatch().End();
        _server.RespondWatch();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var running = informer.RunAsync(stop.Token);
        await NextRequestAsync();
        await NextRequestAsync();

        // The only timer left once the empty watch is over is the backoff (the watch's own watchdog is disposed).
        await time.WaitForTimersAsync(delays => delays.Count == 1 && delays[0] < TimeSpan.FromSeconds(60), _timeout.Token);
        var delay = Assert.Single(time.PendingDelays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600));
        Assert.Equal(2, _server.Requests.Count);

        time.Advance(delay);
        Assert.Contains("watch=true&resourceVersion=7&", (await NextRequestAsync()).PathAndQuery, StringComparison.Ordinal);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Resync_ReplaysEveryObjectAsUpdate()
    {
        var time = new ManualTimeProvider();
        using var client = _server.CreateClient(time);
        var informer = ConfigMapInformer(client, new InformerOptions { Namespace = "ns", ResyncPeriod = TimeSpan.FromMinutes(10) });
        var updates = new List<string>();
        informer.Updated += (old, o) => updates.Add(o.Metadata.Name + (ReferenceEquals(old, o) ? " same" : " changed"));
        _server.RespondJson(HttpStatusCode.OK, List("7", Item("a", "1"), Item("b", "2")));
        _server.RespondWatch();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(_timeout.Token);
        await NextRequestAsync();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["a same", "b same"], updates.Order());
        await stop.CancelAsync();
        await running;
    }
}
