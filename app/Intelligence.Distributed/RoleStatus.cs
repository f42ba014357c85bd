using System.Globalization;
using System.Text;

namespace Intelligence.Distributed;

/// <summary>
/// What a role says about itself: healthy or not with the reason (for <c>/healthz</c>), and its
/// figures as Prometheus gauges and counters (for <c>/metrics</c>).
/// </summary>
public sealed record RoleStatus(bool Healthy, string Detail, IReadOnlyList<Metric> Metrics)
{
    public string ToPrometheus()
    {
        var text = new StringBuilder();
        foreach (var family in Metrics.GroupBy(m => m.Name, StringComparer.Ordinal))
        {
            var first = family.First();
            text.Append("# HELP ").Append(first.Name).Append(' ').Append(first.Help).Append('\n');
            text.Append("# TYPE ").Append(first.Name).Append(' ').Append(first.Kind).Append('\n');
            foreach (var metric in family)
            {
                text.Append(metric.Name);
                if (metric.Labels.Count > 0)
                {
                    text.Append('{').AppendJoin(',', metric.Labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\"")).Append('}');
                }

                text.Append(' ').Append(metric.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>One sample: a name such as <c>intelligence_consumer_lag</c>, its labels, its value.</summary>
public sealed record Metric(string Name, string Kind, string Help, double Value, IReadOnlyDictionary<string, string> Labels)
{
    public static Metric Gauge(string name, string help, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        new(name, "gauge", help, value, labels ?? new Dictionary<string, string>());

    /// <summary>How far a consumer group is behind on one partition; the processors and the sink report it alike.</summary>
    public static Metric ConsumerLag(string group, string topic, int partition, long lag) =>
        Gauge("intelligence_consumer_lag", "records the group has not processed yet, per partition", lag,
            new Dictionary<string, string>
            {
                ["group"] = group, ["topic"] = topic, ["partition"] = partition.ToString(CultureInfo.InvariantCulture),
            });

    public static Metric Counter(string name, string help, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        new(name, "counter", help, value, labels ?? new Dictionary<string, string>());
}
