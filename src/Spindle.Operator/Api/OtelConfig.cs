using System.Text.Json.Serialization;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>OpenTelemetry exporter endpoints, passed to apps as OTEL_EXPORTER_OTLP_* environment variables.</summary>
public sealed class OtelConfig
{
    [JsonPropertyName("exporter_otlp_endpoint")]
    [CrdDescription("OTEL_EXPORTER_OTLP_ENDPOINT.")]
    public string? ExporterOtlpEndpoint { get; set; }

    [JsonPropertyName("exporter_otlp_traces_endpoint")]
    [CrdDescription("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT.")]
    public string? ExporterOtlpTracesEndpoint { get; set; }

    [JsonPropertyName("exporter_otlp_metrics_endpoint")]
    [CrdDescription("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT.")]
    public string? ExporterOtlpMetricsEndpoint { get; set; }

    [JsonPropertyName("exporter_otlp_logs_endpoint")]
    [CrdDescription("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT.")]
    public string? ExporterOtlpLogsEndpoint { get; set; }
}
