using System.Net;
using System.Text.Json.Nodes;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Tests.Fakes;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests;

public sealed class ResourceClientTests : IDisposable
{
    private readonly FakeApiServer _server = new();
    private readonly KubernetesClient _client;
    private readonly ResourceClient<TestConfigMap> _configMaps;

    public ResourceClientTests()
    {
        _client = _server.CreateClient();
        _configMaps = _client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Update_Conflict_SurfacesServerStatus()
    {
        _server.RespondJson(HttpStatusCode.Conflict, FakeApiServer.StatusJson(409, "Conflict", "the object has been modified; please apply your changes to the latest version and try again"));
        var map = new TestConfigMap { Metadata = new() { Name = "a", Namespace = "ns", ResourceVersion = "5" } };

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => _configMaps.UpdateAsync(map));

        Assert.True(e.IsConflict);
        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Contains("latest version", e.Message, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v1/namespaces/ns/configmaps/a", request.PathAndQuery);
        Assert.Contains("\"resourceVersion\":\"5\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_WithoutStatusBody_KeepsHttpCodeAndText()
    {
        _server.Respond(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy down</html>") });

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => _configMaps.GetAsync("ns", "a"));

        Assert.Equal(502, e.Status.Code);
        Assert.Equal("<html>proxy down</html>", e.Status.Message);
    }

    [Fact]
    public async Task Apply_SendsApplyPatchWithFieldManagerAndForce()
    {
        _server.RespondJson(HttpStatusCode.OK, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns"}}""");
        var map = new TestConfigMap { Metadata = new() { Name = "a", Namespace = "ns" }, Data = new() { ["k"] = "v" } };

        await _configMaps.ApplyAsync(map, new ApplyOptions("spin-operator", Force: true));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/api/v1/namespaces/ns/configmaps/a?fieldManager=spin-operator&force=true", request.PathAndQuery);
        Assert.Equal("application/apply-patch+yaml", request.ContentType);
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns"},"data":{"k":"v"}}""", request.Body);
    }

    [Fact]
    public async Task Apply_WithoutKind_IsRejectedBeforeSending()
    {
        var map = new TestConfigMap { Kind = "", Metadata = new() { Name = "a", Namespace = "ns" } };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _configMaps.ApplyAsync(map, new ApplyOptions("m")));
        Assert.Contains("apiVersion and kind", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task MergePatchStatus_TargetsStatusSubresource()
    {
        _server.RespondJson(HttpStatusCode.OK, """{"metadata":{"name":"a","namespace":"ns"}}""");

        await _configMaps.MergePatchStatusAsync("ns", "a", new JsonObject { ["status"] = new JsonObject { ["x"] = 1 } }, new WriteOptions { FieldManager = "me" });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/v1/namespaces/ns/configmaps/a/status?fieldManager=me", request.PathAndQuery);
        Assert.Equal("application/merge-patch+json", request.ContentType);
    }

    [Fact]
    public async Task Delete_SendsPropagationPolicyAndPreconditions_FalseWhenMissing()
    {
        _server.RespondJson(HttpStatusCode.NotFound, FakeApiServer.StatusJson(404, "NotFound", "configmaps a not found"));

        var deleted = await _configMaps.DeleteAsync("ns", "a", new DeleteOptions { PropagationPolicy = PropagationPolicy.Foreground, PreconditionUid = "u1" });

        Assert.False(deleted);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("""{"apiVersion":"v1","kind":"DeleteOptions","propagationPolicy":"Foreground","preconditions":{"uid":"u1"}}""", request.Body);
    }

    [Fact]
    public async Task List_FillsKindOfItemsAndPassesSelectors()
    {
        _server.RespondJson(HttpStatusCode.OK, """
            {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"next"},
             "items":[{"metadata":{"name":"a","namespace":"ns"},"data":{"k":"v"}},{"metadata":{"name":"b","namespace":"ns"}}]}
            """);

        var list = await _configMaps.ListAsync("ns", new ListOptions { LabelSelector = "app in (a,b)", Limit = 2 });

        Assert.Equal("42", list.Metadata.ResourceVersion);
        Assert.Equal("next", list.Metadata.Continue);
        Assert.Equal(["a", "b"], list.Items.Select(i => i.Metadata.Name));
        Assert.All(list.Items, i => Assert.Equal("ConfigMap", i.Kind));
        Assert.Equal("/api/v1/namespaces/ns/configmaps?labelSelector=app%20in%20%28a%2Cb%29&limit=2", _server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task List_AllNamespaces_UsesClusterWidePath()
    {
        _server.RespondJson(HttpStatusCode.OK, """{"metadata":{},"items":[]}""");
        await _configMaps.ListAsync(null);
        Assert.Equal("/api/v1/configmaps", _server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Watch_ParsesEventsAcrossChunksAndBookmarks()
    {
        var stream = _server.RespondWatch();
        stream.WriteRaw("""{"type":"ADDED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"11"}}}""" + "\n" + """{"type":"MODI""");
        stream.WriteRaw("""FIED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"12"},"data":{"k":"v"}}}""" + "\r\n\n");
        stream.WriteLine("""{"object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"20"}},"type":"BOOKMARK"}""");
        stream.WriteRaw("""{"type":"DELETED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"21"}}}""");
        stream.End();

        var events = new List<WatchEvent<TestConfigMap>>();
        await foreach (var e in _configMaps.WatchAsync("ns", new WatchOptions { ResourceVersion = "10", TimeoutSeconds = 60 })) events.Add(e);

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal("v", events[1].Object!.Data!["k"]);
        Assert.Equal("20", events[2].Object!.Metadata.ResourceVersion);
        Assert.Equal("/api/v1/namespaces/ns/configmaps?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=60", _server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Watch_ErrorEvent_ThrowsGoneWithStatus()
    {
        var stream = _server.RespondWatch();
        stream.WriteLine("""{"type":"ERROR","object":""" + FakeApiServer.StatusJson(410, "Expired", "too old resource version: 1 (319)") + "}");
        stream.End();

        var e = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var _ in _configMaps.WatchAsync("ns", new WatchOptions { ResourceVersion = "1" }))
            {
            }
        });

        Assert.True(e.IsGone);
        Assert.Equal("too old resource version: 1 (319)", e.Status.Message);
    }

    [Fact]
    public async Task WaitFor_WatchExpires_RelistsAndFindsTheObject()
    {
        _server.RespondJson(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"5"},"items":[]}""");
        var stream = _server.RespondWatch();
        stream.WriteLine("""{"type":"ERROR","object":""" + FakeApiServer.StatusJson(410, "Expired", "too old resource version: 5 (9)") + "}");
        stream.End();
        _server.RespondJson(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"12"},"items":[{"metadata":{"name":"a","namespace":"ns","resourceVersion":"11"}}]}""");

        var found = await _configMaps.WaitForAsync("ns", "a", m => m is not null, CancellationToken.None);

        Assert.Equal("11", found!.Metadata.ResourceVersion);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("fieldSelector=metadata.name%3Da", _server.Requests.First().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_ExposesCauses()
    {
        _server.RespondJson((HttpStatusCode)422, """
            {"kind":"Status","status":"Failure","reason":"Invalid","code":422,"message":"ConfigMap \"A\" is invalid",
             "details":{"name":"A","kind":"ConfigMap","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \"A\"","field":"metadata.name"}]}}
            """);

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => _configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "A", Namespace = "ns" } }));

        Assert.True(e.IsInvalid);
        Assert.Equal("metadata.name", Assert.Single(e.Status.Details!.Causes!).Field);
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterAndRetries()
    {
        var time = new ManualTimeProvider();
        using var client = _server.CreateClient(time);
        var configMaps = client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap);
        _server.Respond(_ =>
        {
            var response = FakeApiServer.Json(HttpStatusCode.TooManyRequests, FakeApiServer.StatusJson(429, "TooManyRequests", "too many requests, please try again later"));
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return response;
        });
        _server.RespondJson(HttpStatusCode.OK, """{"metadata":{"name":"a","namespace":"ns"}}""");

        var timer = time.NextTimerCreated();
        var get = configMaps.GetAsync("ns", "a");
        await timer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([TimeSpan.FromSeconds(3)], time.PendingDelays);
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("a", (await get).Metadata.Name);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Create_NamespacedWithoutNamespace_IsRejectedBeforeSending()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "a" } }));
        Assert.Contains("configmaps is namespaced: set metadata.namespace of 'a'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void ObjectPath_NamespacedWithoutNamespace_NamesTheFix()
    {
        var e = Assert.Throws<ArgumentException>(() => ApiResource.Deployments.ObjectPath(null, "web"));
        Assert.Contains("deployments.apps is namespaced", e.Message, StringComparison.Ordinal);
        Assert.Equal("/apis/apps/v1/namespaces/ns/deployments/web/status", ApiResource.Deployments.ObjectPath("ns", "web", "status"));
        Assert.Equal("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x", ApiResource.CustomResourceDefinitions.ObjectPath("ignored", "x"));
    }
}
