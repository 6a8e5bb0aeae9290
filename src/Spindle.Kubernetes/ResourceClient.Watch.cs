using System.Runtime.CompilerServices;
using System.Text.Json;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes;

public sealed partial class ResourceClient<T>
{
    /// <summary>
    /// One watch connection: events until the server closes the stream (timeoutSeconds) or the token is cancelled.
    /// An ERROR event throws <see cref="KubernetesApiException"/> (410 Gone: <see cref="KubernetesApiException.IsGone"/> — relist).
    /// Resume by watching again from the last event's resourceVersion; Controllers.Informer{T} does all of this.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new QueryString(Resource.CollectionPath(@namespace));
        query.Add("watch", "true");
        query.Add("resourceVersion", options.ResourceVersion);
        query.Add("labelSelector", options.LabelSelector);
        query.Add("fieldSelector", options.FieldSelector);
        if (options.AllowWatchBookmarks) query.Add("allowWatchBookmarks", "true");
        query.Add("timeoutSeconds", options.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await _client.SendAsync(HttpMethod.Get, query.ToString(), null, streaming: true, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var lines = new LineReader(stream);
        while (true)
        {
            ReadOnlyMemory<byte> line;
            try
            {
                line = await lines.ReadLineAsync(cancellationToken);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // The server or a proxy cut the stream: the caller resumes from the last resourceVersion.
                yield break;
            }

            if (line.IsEmpty) yield break;
            yield return ParseEvent(line.Span);
        }
    }

    internal WatchEvent<T> ParseEvent(ReadOnlySpan<byte> line)
    {
        string? type = null;
        var objectStart = -1;
        var objectEnd = -1;
        var reader = new Utf8JsonReader(line);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) throw BadEvent(line, "not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                objectStart = (int)reader.TokenStartIndex;
                reader.Skip();
                objectEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (objectStart < 0) throw BadEvent(line, "no \"object\"");
        var json = line[objectStart..objectEnd];
        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            _ => throw BadEvent(line, $"unknown type '{type}'"),
        };

        if (eventType == WatchEventType.Error)
        {
            var status = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Status) ?? new Status();
            throw new KubernetesApiException(status, "watch " + Resource);
        }

        var obj = JsonSerializer.Deserialize(json, _typeInfo) ?? throw BadEvent(line, "null object");
        FillTypeMeta(obj);
        return new WatchEvent<T> { Type = eventType, Object = obj };
    }

    internal KubernetesList<T> ReadList(ReadOnlySpan<byte> body)
    {
        var list = new KubernetesList<T>();
        var reader = new Utf8JsonReader(body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = JsonSerializer.Deserialize(ref reader, _typeInfo);
                    if (item is null) continue;
                    FillTypeMeta(item);
                    list.Items.Add(item);
                }
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                list.Metadata = JsonSerializer.Deserialize(ref reader, KubernetesJsonContext.Default.ListMeta) ?? new ListMeta();
            }
            else if (reader.ValueTextEquals("apiVersion"u8))
            {
                reader.Read();
                list.ApiVersion = reader.GetString();
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                list.Kind = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return list;
    }

    // Items of a built-in list come without apiVersion/kind; callers expect them set.
    private void FillTypeMeta(T obj)
    {
        if (string.IsNullOrEmpty(obj.ApiVersion)) obj.ApiVersion = Resource.ApiVersion;
        if (string.IsNullOrEmpty(obj.Kind)) obj.Kind = Resource.Kind;
    }

    private KubernetesApiException BadEvent(ReadOnlySpan<byte> line, string problem)
    {
        var text = System.Text.Encoding.UTF8.GetString(line.Length > 200 ? line[..200] : line);
        return new KubernetesApiException($"watch {Resource}: malformed event ({problem}): {text}");
    }
}
