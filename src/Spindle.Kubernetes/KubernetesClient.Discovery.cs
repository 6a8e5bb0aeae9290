using System.Collections.Concurrent;
using System.Text.Json;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes;

public sealed partial class KubernetesClient
{
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), ApiResource> _discovered = new();

    /// <summary>
    /// Finds the resource of a kind by discovery (GET /api/v1 or /apis/group/version), for objects known only by
    /// apiVersion and kind (manifests). Cached per client. Throws <see cref="KubernetesApiException"/> (404) when the
    /// group version is not served, e.g. a CRD that is not installed.
    /// </summary>
    public async Task<ApiResource> DiscoverAsync(string apiVersion, string kind, CancellationToken cancellationToken = default)
    {
        if (_discovered.TryGetValue((apiVersion, kind), out var known)) return known;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? "/api/" + version : "/apis/" + group + "/" + version;
        using var response = await SendAsync(HttpMethod.Get, path, null, streaming: false, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var list = JsonSerializer.Deserialize(body, InternalJsonContext.Default.ApiResourceList) ?? new ApiResourceList();
        foreach (var entry in list.Resources)
        {
            if (entry.Kind != kind || entry.Name.Contains('/', StringComparison.Ordinal)) continue;
            var resource = new ApiResource(group, version, entry.Name, entry.Kind, entry.Namespaced);
            _discovered[(apiVersion, kind)] = resource;
            return resource;
        }

        throw new KubernetesApiException(new Models.Meta.Status
        {
            Code = 404,
            Reason = "NotFound",
            Message = $"the server serves {apiVersion} but no kind '{kind}' in it: check the manifest's kind, or install its CRD.",
        });
    }
}
