using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Meta;

/// <summary>The "type" of a watch event, as the API server spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WatchEventType>))]
public enum WatchEventType
{
    [JsonStringEnumMemberName("ADDED")]
    Added,

    [JsonStringEnumMemberName("MODIFIED")]
    Modified,

    [JsonStringEnumMemberName("DELETED")]
    Deleted,

    /// <summary>Only carries a newer resourceVersion to resume from (allowWatchBookmarks).</summary>
    [JsonStringEnumMemberName("BOOKMARK")]
    Bookmark,

    /// <summary>The object is a <see cref="Meta.Status"/>; the client turns it into a KubernetesApiException.</summary>
    [JsonStringEnumMemberName("ERROR")]
    Error,
}
