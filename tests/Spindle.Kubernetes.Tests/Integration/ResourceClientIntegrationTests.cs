using System.Text.Json.Nodes;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Serialization;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>CRUD, patch, apply, status and delete against the real API server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResourceClientIntegrationTests
{
    private readonly ClusterFixture _cluster;

    public ResourceClientIntegrationTests(ClusterFixture cluster) => _cluster = cluster;

    [RequiresFact(Requirement.Kubernetes)]
    public async Task ConfigMap_CreateGetListPatchDelete_RoundTrips()
    {
        var configMaps = _cluster.ConfigMaps;
        var ns = _cluster.Namespace;
        var created = await configMaps.CreateAsync(new TestConfigMap
        {
            Metadata = new() { Name = "crud", Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = "crud" } },
            Data = new() { ["a"] = "1" },
        });
        Assert.NotNull(created.Metadata.Uid);
        Assert.NotNull(created.Metadata.CreationTimestamp);

        var fetched = await configMaps.GetAsync(ns, "crud");
        Assert.Equal("1", fetched.Data!["a"]);

        var listed = await configMaps.ListAsync(ns, new ListOptions { LabelSelector = "app=crud" });
        var item = Assert.Single(listed.Items);
        Assert.Equal("ConfigMap", item.Kind);
        Assert.Equal("v1", item.ApiVersion);
        Assert.False(string.IsNullOrEmpty(listed.Metadata.ResourceVersion));

        var patched = await configMaps.MergePatchAsync(ns, "crud", new JsonObject { ["data"] = new JsonObject { ["b"] = "2", ["a"] = null } });
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, patched.Data);

        Assert.True(await configMaps.DeleteAsync(ns, "crud", new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }));
        Assert.Null(await configMaps.TryGetAsync(ns, "crud"));
        Assert.False(await configMaps.DeleteAsync(ns, "crud"));
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Get_Missing_ThrowsNotFoundWithServerStatus()
    {
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => _cluster.ConfigMaps.GetAsync(_cluster.Namespace, "absent"));
        Assert.True(e.IsNotFound);
        Assert.Equal("NotFound", e.Status.Reason);
        Assert.Contains("absent", e.Status.Message, StringComparison.Ordinal);
        Assert.Equal("configmaps", e.Status.Details?.Kind);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Create_Existing_ThrowsAlreadyExists()
    {
        var map = new TestConfigMap { Metadata = new() { Name = "twice", Namespace = _cluster.Namespace } };
        await _cluster.ConfigMaps.CreateAsync(map);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => _cluster.ConfigMaps.CreateAsync(map));
        Assert.True(e.IsAlreadyExists);
        Assert.False(e.IsConflict);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Update_StaleResourceVersion_ThrowsConflict()
    {
        var configMaps = _cluster.ConfigMaps;
        var created = await configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "conflict", Namespace = _cluster.Namespace }, Data = new() { ["v"] = "0" } });
        created.Data!["v"] = "1";
        var updated = await configMaps.UpdateAsync(created);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);

        created.Data["v"] = "2";
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => configMaps.UpdateAsync(created));
        Assert.True(e.IsConflict);
        Assert.Equal(409, e.Status.Code);
        Assert.Equal("Conflict", e.Reason);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task List_WithLimit_PagesWithContinue()
    {
        for (var i = 0; i < 5; i++)
            await _cluster.ConfigMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "page-" + i, Namespace = _cluster.Namespace, Labels = new Dictionary<string, string> { ["paged"] = "yes" } } });

        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await _cluster.ConfigMaps.ListAsync(_cluster.Namespace, new ListOptions { LabelSelector = "paged=yes", Limit = 2, Continue = next });
            names.AddRange(page.Items.Select(i => i.Metadata.Name!));
            next = page.Metadata.Continue;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(3, pages);
        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], names);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Apply_TwoManagers_ConflictUnlessForced()
    {
        var ns = _cluster.Namespace;
        var widgets = _cluster.Widgets;
        var first = await widgets.ApplyAsync(new Widget { Metadata = new() { Name = "applied", Namespace = ns }, Spec = new() { Size = 1, Color = "red" } }, new ApplyOptions("manager-a"));
        Assert.Equal(1, first.Spec!.Size);

        var intent = new Widget { Metadata = new() { Name = "applied", Namespace = ns }, Spec = new() { Size = 2 } };
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => widgets.ApplyAsync(intent, new ApplyOptions("manager-b")));
        Assert.True(e.IsConflict);

        var forced = await widgets.ApplyAsync(intent, new ApplyOptions("manager-b", Force: true));
        Assert.Equal(2, forced.Spec!.Size);
        Assert.Equal("red", forced.Spec.Color);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Status_Subresource_UpdatePatchApplyLeaveSpecAlone()
    {
        var ns = _cluster.Namespace;
        var widgets = _cluster.Widgets;
        var created = await widgets.CreateAsync(new Widget { Metadata = new() { Name = "status", Namespace = ns }, Spec = new() { Size = 3 } });

        created.Spec!.Size = 99;
        created.Status = new WidgetStatus { Phase = "Pending" };
        var updated = await widgets.UpdateStatusAsync(created);
        Assert.Equal("Pending", updated.Status!.Phase);
        Assert.Equal(3, updated.Spec!.Size);

        var patched = await widgets.MergePatchStatusAsync(ns, "status", new JsonObject { ["status"] = new JsonObject { ["phase"] = "Running" } });
        Assert.Equal("Running", patched.Status!.Phase);

        var now = DateTimeOffset.UtcNow;
        var applied = await widgets.ApplyStatusAsync(new Widget
        {
            Metadata = new() { Name = "status", Namespace = ns },
            Status = new WidgetStatus
            {
                Phase = "Ready",
                Conditions = [new Condition { Type = "Ready", Status = "True", Reason = "Done", Message = "ok", LastTransitionTime = now }],
            },
        }, new ApplyOptions("spindle-status", Force: true));
        Assert.Equal("Ready", applied.Status!.Phase);
        var condition = Assert.Single(applied.Status.Conditions!);
        Assert.Equal(now.ToUnixTimeSeconds(), condition.LastTransitionTime!.Value.ToUnixTimeSeconds());

        var status = await widgets.GetStatusAsync(ns, "status");
        Assert.Equal("Ready", status.Status!.Phase);
        Assert.Equal(3, status.Spec!.Size);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Delete_WithStaleUidPrecondition_ThrowsConflict()
    {
        var created = await _cluster.ConfigMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "precondition", Namespace = _cluster.Namespace } });
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            _cluster.ConfigMaps.DeleteAsync(_cluster.Namespace, "precondition", new DeleteOptions { PreconditionUid = Guid.NewGuid().ToString() }));
        Assert.Equal(409, e.Status.Code);
        Assert.True(await _cluster.ConfigMaps.DeleteAsync(_cluster.Namespace, "precondition", new DeleteOptions { PreconditionUid = created.Metadata.Uid }));
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Manifest_KindDiscovered_AppliedUnstructured()
    {
        var client = _cluster.Client;
        var manifest = KubernetesYaml.ReadObjects($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: from-yaml, namespace: {{_cluster.Namespace}}}
            data: {replicas: "3"}
            ---
            apiVersion: test.spindle.dev/v1
            kind: Widget
            metadata: {name: from-yaml, namespace: {{_cluster.Namespace}}}
            spec: {size: 7}
            """);

        foreach (var obj in manifest)
        {
            var resource = await client.DiscoverAsync(obj.ApiVersion, obj.Kind);
            var applied = await client.Resource(resource, KubernetesJsonContext.Default.UnstructuredObject).ApplyAsync(obj, new ApplyOptions("spindle-k8s-tests"));
            Assert.NotNull(applied.Metadata.Uid);
        }

        Assert.Equal(ApiResource.ConfigMaps, await client.DiscoverAsync("v1", "ConfigMap"));
        Assert.Equal(Widget.Resource, await client.DiscoverAsync("test.spindle.dev/v1", "Widget"));
        Assert.Equal(7, (await _cluster.Widgets.GetAsync(_cluster.Namespace, "from-yaml")).Spec!.Size);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.DiscoverAsync("test.spindle.dev/v1", "Gadget"));
        Assert.True(e.IsNotFound);
        e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.DiscoverAsync("nothing.spindle.dev/v1", "Gadget"));
        Assert.True(e.IsNotFound);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task ApplyManifests_NewCrdThenItsResource_DefaultNamespace()
    {
        var plural = "gadgets" + Guid.NewGuid().ToString("N")[..8];
        var config = Spindle.Kubernetes.Config.KubeConfigLoader.Load(Requirements.KubeConfig) with { Namespace = _cluster.Namespace };
        using var client = new KubernetesClient(config);
        var manifest = KubernetesYaml.ReadObjects($$$"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: {{{plural}}}.test.spindle.dev}
            spec:
              group: test.spindle.dev
              scope: Namespaced
              names: {plural: {{{plural}}}, singular: g{{{plural}}}, kind: G{{{plural}}}}
              versions:
              - name: v1
                served: true
                storage: true
                schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            ---
            apiVersion: test.spindle.dev/v1
            kind: G{{{plural}}}
            metadata: {name: first}
            spec: {enabled: yes}
            """);

        try
        {
            var applied = await client.ApplyManifestsAsync(manifest, new ApplyOptions("spindle-k8s-tests"));

            Assert.Equal(2, applied.Count);
            Assert.Null(applied[0].Metadata.Namespace);
            Assert.Equal(_cluster.Namespace, applied[1].Metadata.Namespace);
            Assert.True(applied[1].Fields!["spec"].GetProperty("enabled").GetBoolean());
        }
        finally
        {
            await client.Resource(ApiResource.CustomResourceDefinitions, KubernetesJsonContext.Default.UnstructuredObject).DeleteAsync(null, plural + ".test.spindle.dev");
        }
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task WaitFor_CreationChangeAndDeletion()
    {
        var ns = _cluster.Namespace;
        var configMaps = _cluster.ConfigMaps;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var created = configMaps.WaitForAsync(ns, "awaited", m => m?.Data?.GetValueOrDefault("phase") == "ready", timeout.Token);
        await configMaps.CreateAsync(new TestConfigMap { Metadata = new() { Name = "awaited", Namespace = ns }, Data = new() { ["phase"] = "starting" } });
        await configMaps.MergePatchAsync(ns, "awaited", new JsonObject { ["data"] = new JsonObject { ["phase"] = "ready" } });
        Assert.Equal("ready", (await created)!.Data!["phase"]);

        var deleted = configMaps.WaitForAsync(ns, "awaited", m => m is null, timeout.Token);
        await configMaps.DeleteAsync(ns, "awaited");
        Assert.Null(await deleted);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Impersonation_WithoutRbac_IsForbidden()
    {
        var config = Spindle.Kubernetes.Config.KubeConfigLoader.Load(Requirements.KubeConfig) with { Impersonate = "spindle-nobody" };
        using var client = new KubernetesClient(config);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap).ListAsync(_cluster.Namespace));
        Assert.Equal(403, e.Status.Code);
        Assert.Equal("Forbidden", e.Reason);
        Assert.Contains("spindle-nobody", e.Status.Message, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task ServerVersion_IsReported()
    {
        var version = await _cluster.Client.GetServerVersionAsync();
        Assert.StartsWith("v1.", version, StringComparison.Ordinal);
    }
}
