using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Spindle.Operator.Hosting;

/// <summary>
/// The operator's Prometheus metrics under controller-runtime's names, so existing dashboards work:
/// controller_runtime_reconcile_total / _errors_total / _time_seconds per controller, and workqueue_depth.
/// </summary>
internal sealed class OperatorMetrics
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly ConcurrentDictionary<string, ControllerStats> _controllers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int>> _queues = new(StringComparer.Ordinal);

    public void RecordReconcile(string controller, bool success, bool requeueAfter, TimeSpan duration)
    {
        var stats = _controllers.GetOrAdd(controller, _ => new ControllerStats());
        lock (stats)
        {
            if (!success) stats.Errors++;
            else if (requeueAfter) stats.RequeueAfter++;
            else stats.Successes++;
            var seconds = duration.TotalSeconds;
            stats.Sum += seconds;
            stats.Count++;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (seconds <= Buckets[i]) stats.BucketCounts[i]++;
            }
        }
    }

    public void RegisterQueue(string name, Func<int> depth) => _queues[name] = depth;

    /// <summary>The Prometheus text exposition format (version 0.0.4).</summary>
    public string Render()
    {
        var text = new StringBuilder();
        var controllers = _controllers.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        text.Append("# HELP controller_runtime_reconcile_total Total number of reconciliations per controller\n");
        text.Append("# TYPE controller_runtime_reconcile_total counter\n");
        foreach (var (name, stats) in controllers)
        {
            lock (stats)
            {
                Line(text, "controller_runtime_reconcile_total", $"controller=\"{name}\",result=\"error\"", stats.Errors);
                Line(text, "controller_runtime_reconcile_total", $"controller=\"{name}\",result=\"requeue_after\"", stats.RequeueAfter);
                Line(text, "controller_runtime_reconcile_total", $"controller=\"{name}\",result=\"success\"", stats.Successes);
            }
        }

        text.Append("# HELP controller_runtime_reconcile_errors_total Total number of reconciliation errors per controller\n");
        text.Append("# TYPE controller_runtime_reconcile_errors_total counter\n");
        foreach (var (name, stats) in controllers)
        {
            lock (stats) Line(text, "controller_runtime_reconcile_errors_total", $"controller=\"{name}\"", stats.Errors);
        }

        text.Append("# HELP controller_runtime_reconcile_time_seconds Length of time per reconciliation per controller\n");
        text.Append("# TYPE controller_runtime_reconcile_time_seconds histogram\n");
        foreach (var (name, stats) in controllers)
        {
            lock (stats)
            {
                for (var i = 0; i < Buckets.Length; i++)
                {
                    Line(text, "controller_runtime_reconcile_time_seconds_bucket", $"controller=\"{name}\",le=\"{Buckets[i].ToString(CultureInfo.InvariantCulture)}\"", stats.BucketCounts[i]);
                }

                Line(text, "controller_runtime_reconcile_time_seconds_bucket", $"controller=\"{name}\",le=\"+Inf\"", stats.Count);
                text.Append("controller_runtime_reconcile_time_seconds_sum{controller=\"").Append(name).Append("\"} ")
                    .Append(stats.Sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                Line(text, "controller_runtime_reconcile_time_seconds_count", $"controller=\"{name}\"", stats.Count);
            }
        }

        text.Append("# HELP workqueue_depth Current depth of workqueue\n# TYPE workqueue_depth gauge\n");
        foreach (var (name, depth) in _queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            Line(text, "workqueue_depth", $"name=\"{name}\"", depth());
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string metric, string labels, long value) =>
        text.Append(metric).Append('{').Append(labels).Append("} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private sealed class ControllerStats
    {
        public long Successes;
        public long Errors;
        public long RequeueAfter;
        public long Count;
        public double Sum;
        public readonly long[] BucketCounts = new long[Buckets.Length];
    }
}
