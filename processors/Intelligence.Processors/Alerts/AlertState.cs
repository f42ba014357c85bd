using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Alerts;

/// <summary>One incident's alert: its latest report, what was last told, and its lifecycle.</summary>
public sealed class AlertState : FoldState
{
    public const string Open = "open";
    public const string Resolved = "resolved";

    public string? Status { get; set; }
    public string Kind { get; set; } = "";
    public string Source { get; set; } = "";
    public string Severity { get; set; } = "";
    public string Team { get; set; } = "";
    public string Metric { get; set; } = "";
    public string Entity { get; set; } = "";
    public double Value { get; set; }
    public double Expected { get; set; }
    public double Deviation { get; set; }
    public double PeakDeviation { get; set; }
    public double Score { get; set; }
    public string Cause { get; set; } = "";
    public List<string> CauseEntities { get; set; } = [];
    public string NextAction { get; set; } = "";
    public string Detail { get; set; } = "";
    public string Basis { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset LastReportAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public TimeSpan? QuietAfter { get; set; }
    public long Reports { get; set; }

    /// <summary>Notices of the current occurrence; the sequence number of the last one.</summary>
    public long Notices { get; set; }
    public long Occurrence { get; set; }
    public DateTimeOffset LastNoticeAt { get; set; }
    public string NoticedSeverity { get; set; } = "";
    public double NoticedDeviation { get; set; }
    public double NoticedValue { get; set; }

    /// <summary>The leading causes notices of this occurrence have named: a new one is told at once.</summary>
    public List<string> CausesTold { get; set; } = [];

    public bool IsOpen => Status == Open;
}
