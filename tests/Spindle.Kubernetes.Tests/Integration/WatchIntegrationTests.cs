using System.Collections.Concurrent;
using Spindle.Kubernetes.Controllers;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>Watches and informers against the real API server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WatchIntegrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClusterFixture _cluster;

    public WatchIntegrationTests(ClusterFixture cluster) => _cluster = cluster;

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Watch_FromListResourceVersion_ReceivesAddModifyDelete()
    {
        var configMaps = _cluster.ConfigMaps;
        var ns = _cluster.Namespace;
        var list = await configMaps.ListAsync(ns, new ListOptions { LabelSelector = "watch=basic" });
        using var cts = new CancellationTokenSource(Patience);
        var events = new List<WatchEvent<TestConfigMap>>();
        var watching = Task.Run(async () =>
        {
            var options = new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, LabelSelector = "watch=basic", TimeoutSeconds = 30 };
            await foreach (var e in configMaps.WatchAsync(ns, options, cts.Token))
            {
                events.Add(e);
                if (e.Type == WatchEventType.Deleted) return;
            }
        });

        var labels = new Dictionary<string, string> { ["watch"] = "basic" };
        await configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "watched", Namespace = ns, Labels = labels } });
        await configMaps.MergePatchAsync(ns, "watched", new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { ["k"] = "v" } });
        await configMaps.DeleteAsync(ns, "watched");
        await watching;

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Where(e => e.Type != WatchEventType.Bookmark).Select(e => e.Type));
        Assert.Equal("v", events[1].Object!.Data!["k"]);
        Assert.Equal("ConfigMap", events[0].Object!.Kind);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Watch_VeryOldResourceVersion_ThrowsGone()
    {
        // The widgets watch cache starts when the CRD is installed, so resourceVersion 1 predates it on any cluster
        // (built-in kinds of a fresh cluster may still hold their whole history).
        var e = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var _ in _cluster.Widgets.WatchAsync(_cluster.Namespace, new WatchOptions { ResourceVersion = "1", TimeoutSeconds = 5 }))
            {
            }
        });
        Assert.True(e.IsGone, e.Message);
        Assert.Equal(410, e.Status.Code);
        Assert.Equal("Expired", e.Reason);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Informer_CachesAndReportsChanges()
    {
        var configMaps = _cluster.ConfigMaps;
        var ns = _cluster.Namespace;
        var labels = new Dictionary<string, string> { ["watch"] = "informer" };
        await configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "before", Namespace = ns, Labels = labels } });

        var informer = new Informer<TestConfigMap>(configMaps, new InformerOptions { Namespace = ns, LabelSelector = "watch=informer" });
        var log = new BlockingCollection<string>();
        informer.Added += o => log.Add("added " + o.Metadata.Name);
        informer.Updated += (_, o) => log.Add("updated " + o.Metadata.Name);
        informer.Deleted += o => log.Add("deleted " + o.Metadata.Name);
        using var cts = new CancellationTokenSource(Patience);
        var running = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(cts.Token);
        Assert.Equal("added before", log.Take(cts.Token));
        Assert.NotNull(informer.TryGet(new ObjectKey(ns, "before")));

        await configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "after", Namespace = ns, Labels = labels } });
        Assert.Equal("added after", log.Take(cts.Token));
        await configMaps.MergePatchAsync(ns, "after", new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { ["x"] = "1" } });
        Assert.Equal("updated after", log.Take(cts.Token));
        await configMaps.DeleteAsync(ns, "before");
        Assert.Equal("deleted before", log.Take(cts.Token));
        Assert.Equal(["after"], informer.List().Select(o => o.Metadata.Name));

        await cts.CancelAsync();
        await running;
    }
}
