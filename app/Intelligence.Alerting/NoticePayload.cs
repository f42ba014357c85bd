using System.Text.Json;
using System.Text.Json.Serialization;
using Intelligence.Processors.Alerts;

namespace Intelligence.Alerting;

/// <summary>
/// The JSON body of a webhook notice (camelCase): the notice's fields, its id, when this attempt
/// was sent and the schema version. Numbers that are not finite are sent as null.
/// </summary>
public sealed record NoticePayload(
    string Schema, string NoticeId, DateTimeOffset DeliveredAt, string AlertId, long Occurrence, long Sequence,
    string Change, DateTimeOffset At, string Kind, string Source, string Status, string Severity, string Team,
    string Metric, string Entity, double? Value, double? Expected, double? Deviation, string Cause,
    IReadOnlyList<string> CauseEntities, string NextAction, string Detail, string Basis, DateTimeOffset OpenedAt)
{
    /// <summary>Changes when a field changes meaning or goes away; new fields may appear without it.</summary>
    public const string CurrentSchema = "intelligence.alert-notice/1";

    public static NoticePayload Of(AlertNotice notice, DateTimeOffset deliveredAt) => new(
        CurrentSchema, notice.NoticeId, deliveredAt, notice.AlertId, notice.Occurrence, notice.Sequence, notice.Change,
        notice.At, notice.Kind, notice.Source, notice.Status, notice.Severity, notice.Team, notice.Metric, notice.Entity,
        Finite(notice.Value), Finite(notice.Expected), Finite(notice.Deviation), notice.Cause, notice.CauseEntities,
        notice.NextAction, notice.Detail, notice.Basis, notice.OpenedAt);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, AlertingJson.Default.NoticePayload);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NoticePayload))]
public sealed partial class AlertingJson : JsonSerializerContext;
