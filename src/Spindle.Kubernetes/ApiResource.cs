namespace Spindle.Kubernetes;

/// <summary>
/// Where a kind lives in the REST API: group, version, plural resource name, and whether it is namespaced
/// (the API server's APIResource). Paths are /api/v1/... for the core group, /apis/{group}/{version}/... otherwise.
/// </summary>
public sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Namespaced = true)
{
    public static ApiResource Namespaces { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);

    public static ApiResource ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap");

    public static ApiResource Secrets { get; } = new("", "v1", "secrets", "Secret");

    public static ApiResource Services { get; } = new("", "v1", "services", "Service");

    public static ApiResource Pods { get; } = new("", "v1", "pods", "Pod");

    public static ApiResource Events { get; } = new("", "v1", "events", "Event");

    public static ApiResource Deployments { get; } = new("apps", "v1", "deployments", "Deployment");

    public static ApiResource Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease");

    public static ApiResource CustomResourceDefinitions { get; } =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", Namespaced: false);

    /// <summary>"v1" for the core group, "group/version" otherwise, as in an object's apiVersion.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The collection path: /api/v1/namespaces/ns/configmaps, or across namespaces when <paramref name="namespace"/> is null.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? "/api/" + Version : "/apis/" + Group + "/" + Version;
        if (!Namespaced || string.IsNullOrEmpty(@namespace)) return root + "/" + Plural;
        return root + "/namespaces/" + Uri.EscapeDataString(@namespace) + "/" + Plural;
    }

    /// <summary>The path of one object, optionally of its subresource ("status").</summary>
    public string ObjectPath(string? @namespace, string name, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(@namespace))
            throw new ArgumentException($"{Plural}.{Group} is namespaced: give the namespace of '{name}'.", nameof(@namespace));
        var path = CollectionPath(@namespace) + "/" + Uri.EscapeDataString(name);
        return subresource is null ? path : path + "/" + subresource;
    }

    public override string ToString() => Group.Length == 0 ? Plural : Plural + "." + Group;
}
