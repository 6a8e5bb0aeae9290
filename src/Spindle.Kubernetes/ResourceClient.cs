using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes;

/// <summary>
/// Typed operations on one resource (ConfigMaps, SpinApps...). For a cluster-scoped resource pass a null namespace;
/// for a namespaced one a null namespace in List/Watch means all namespaces. Errors throw <see cref="KubernetesApiException"/>.
/// </summary>
public sealed partial class ResourceClient<T>
    where T : class, IKubernetesObject
{
    private readonly KubernetesClient _client;
    private readonly JsonTypeInfo<T> _typeInfo;

    internal ResourceClient(KubernetesClient client, ApiResource resource, JsonTypeInfo<T> typeInfo)
    {
        _client = client;
        Resource = resource;
        _typeInfo = typeInfo;
    }

    public ApiResource Resource { get; }

    public KubernetesClient Client => _client;

    public Task<T> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        SendObjectAsync(HttpMethod.Get, Resource.ObjectPath(@namespace, name), null, cancellationToken);

    /// <summary>Like <see cref="GetAsync"/>, but null when the object does not exist.</summary>
    public async Task<T?> TryGetAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(@namespace, name, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<T> GetStatusAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        SendObjectAsync(HttpMethod.Get, Resource.ObjectPath(@namespace, name, "status"), null, cancellationToken);

    /// <summary>One page of objects (all of them unless <see cref="ListOptions.Limit"/> is set; follow metadata.continue for more).</summary>
    public async Task<KubernetesList<T>> ListAsync(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString(Resource.CollectionPath(@namespace));
        if (options is not null)
        {
            query.Add("labelSelector", options.LabelSelector);
            query.Add("fieldSelector", options.FieldSelector);
            query.Add("limit", options.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            query.Add("continue", options.Continue);
            query.Add("resourceVersion", options.ResourceVersion);
        }

        using var response = await _client.SendAsync(HttpMethod.Get, query.ToString(), null, streaming: false, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ReadList(body);
    }

    public Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Resource.Namespaced && string.IsNullOrEmpty(obj.Metadata.Namespace))
            throw new ArgumentException($"{Resource} is namespaced: set metadata.namespace of '{obj.Metadata.Name ?? obj.Metadata.GenerateName}'.", nameof(obj));
        var query = new QueryString(Resource.CollectionPath(obj.Metadata.Namespace));
        AddWriteOptions(ref query, options);
        return SendObjectAsync(HttpMethod.Post, query.ToString(), JsonBody(obj, "application/json"), cancellationToken);
    }

    /// <summary>Replaces the object (PUT). With metadata.resourceVersion set, a concurrent change fails with 409 (<see cref="KubernetesApiException.IsConflict"/>).</summary>
    public Task<T> UpdateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Put(obj, null, options, cancellationToken);

    /// <summary>Replaces the status subresource; the spec in <paramref name="obj"/> is ignored by the server.</summary>
    public Task<T> UpdateStatusAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Put(obj, "status", options, cancellationToken);

    /// <summary>A JSON merge patch (RFC 7386).</summary>
    public Task<T> MergePatchAsync(string? @namespace, string name, JsonNode patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchAsync(@namespace, name, PatchType.Merge, patch.ToJsonString(), options, cancellationToken);

    public Task<T> MergePatchStatusAsync(string? @namespace, string name, JsonNode patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Patch(@namespace, name, "status", PatchType.Merge, patch.ToJsonString(), options, force: false, cancellationToken);

    public Task<T> PatchAsync(string? @namespace, string name, PatchType type, string body, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Patch(@namespace, name, null, type, body, options, force: false, cancellationToken);

    /// <summary>
    /// Server-side apply of the fields set in <paramref name="obj"/> (apiVersion, kind, metadata.name required),
    /// owned by <see cref="ApplyOptions.FieldManager"/>. Creates the object when it does not exist.
    /// </summary>
    public Task<T> ApplyAsync(T obj, ApplyOptions options, CancellationToken cancellationToken = default) =>
        Apply(obj, null, options, cancellationToken);

    /// <summary>Server-side apply of status (the status subresource must be enabled for the resource).</summary>
    public Task<T> ApplyStatusAsync(T obj, ApplyOptions options, CancellationToken cancellationToken = default) =>
        Apply(obj, "status", options, cancellationToken);

    /// <summary>Deletes the object; false when it did not exist. With finalizers it stays (deletionTimestamp set) until they are removed.</summary>
    public async Task<bool> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new DeleteOptionsBody();
        if (options is not null)
        {
            body.PropagationPolicy = options.PropagationPolicy?.ToString();
            body.GracePeriodSeconds = options.GracePeriodSeconds;
            if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
                body.Preconditions = new DeletePreconditions { Uid = options.PreconditionUid, ResourceVersion = options.PreconditionResourceVersion };
            if (options.DryRun) body.DryRun = ["All"];
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, InternalJsonContext.Default.DeleteOptionsBody);
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Delete, Resource.ObjectPath(@namespace, name), () => Content(bytes, "application/json"), streaming: false, cancellationToken);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private Task<T> Put(T obj, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        var name = obj.Metadata.Name ?? throw new ArgumentException($"{Resource}: metadata.name is required to update.", nameof(obj));
        var query = new QueryString(Resource.ObjectPath(obj.Metadata.Namespace, name, subresource));
        AddWriteOptions(ref query, options);
        return SendObjectAsync(HttpMethod.Put, query.ToString(), JsonBody(obj, "application/json"), cancellationToken);
    }

    private Task<T> Apply(T obj, string? subresource, ApplyOptions options, CancellationToken cancellationToken)
    {
        var name = obj.Metadata.Name ?? throw new ArgumentException($"{Resource}: metadata.name is required to apply.", nameof(obj));
        if (string.IsNullOrEmpty(obj.ApiVersion) || string.IsNullOrEmpty(obj.Kind))
            throw new ArgumentException($"{Resource} '{name}': apiVersion and kind are required for server-side apply (set them to {Resource.ApiVersion}, {Resource.Kind}).", nameof(obj));
        var body = JsonSerializer.SerializeToUtf8Bytes(obj, _typeInfo);
        return Patch(obj.Metadata.Namespace, name, subresource, PatchType.Apply, body, new WriteOptions { FieldManager = options.FieldManager, DryRun = options.DryRun }, options.Force, cancellationToken);
    }

    private Task<T> Patch(string? @namespace, string name, string? subresource, PatchType type, string body, WriteOptions? options, bool force, CancellationToken cancellationToken) =>
        Patch(@namespace, name, subresource, type, System.Text.Encoding.UTF8.GetBytes(body), options, force, cancellationToken);

    private Task<T> Patch(string? @namespace, string name, string? subresource, PatchType type, byte[] body, WriteOptions? options, bool force, CancellationToken cancellationToken)
    {
        if (type == PatchType.Apply && string.IsNullOrEmpty(options?.FieldManager))
            throw new ArgumentException($"{Resource} '{name}': server-side apply needs a field manager (ApplyOptions.FieldManager).", nameof(options));
        var query = new QueryString(Resource.ObjectPath(@namespace, name, subresource));
        AddWriteOptions(ref query, options);
        if (force) query.Add("force", "true");
        var contentType = type switch
        {
            PatchType.Merge => "application/merge-patch+json",
            PatchType.Json => "application/json-patch+json",
            PatchType.StrategicMerge => "application/strategic-merge-patch+json",
            _ => "application/apply-patch+yaml",
        };
        return SendObjectAsync(HttpMethod.Patch, query.ToString(), () => Content(body, contentType), cancellationToken);
    }

    private static void AddWriteOptions(ref QueryString query, WriteOptions? options)
    {
        if (options is null) return;
        query.Add("fieldManager", options.FieldManager);
        if (options.DryRun) query.Add("dryRun", "All");
    }

    private Func<HttpContent> JsonBody(T obj, string contentType)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(obj, _typeInfo);
        return () => Content(bytes, contentType);
    }

    private static ByteArrayContent Content(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private async Task<T> SendObjectAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(method, path, content, streaming: false, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var obj = JsonSerializer.Deserialize(body, _typeInfo)
            ?? throw new KubernetesApiException($"{method} {path}: the API server answered with an empty body.");
        return obj;
    }
}
