using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Exceptions;

/// <summary>One exception of the queue: its current occurrence, routing, SLA clock and escalation.</summary>
public sealed class ExceptionState : FoldState
{
    public const string Open = "open";
    public const string Resolved = "resolved";

    public string? Category { get; set; }
    public string? EntityKind { get; set; }
    public string? EntityId { get; set; }

    /// <summary>Null until first raised, then <see cref="Open"/> or <see cref="Resolved"/>: one word, so never both.</summary>
    public string? Status { get; set; }

    /// <summary>The severity routing gave it; escalation climbs from here.</summary>
    public string TriagedSeverity { get; set; } = ExceptionSeverity.Medium;
    public string Severity { get; set; } = ExceptionSeverity.Medium;
    public string Team { get; set; } = "";
    public string? RoutingRule { get; set; }
    public int Priority { get; set; }
    public string? Channel { get; set; }
    public decimal? OrderValue { get; set; }
    public string? CustomerTier { get; set; }
    public string? Location { get; set; }
    public string? SupplierId { get; set; }
    public string? Sku { get; set; }
    public double Risk { get; set; }
    public string Detail { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset SlaDueAt { get; set; }
    public DateTimeOffset SecondEscalationAt { get; set; }
    public bool Breached { get; set; }
    public int EscalationLevel { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public double? ResolveSeconds { get; set; }

    /// <summary>The counted alert this occurrence was counted into (counted categories only), so its resolution uncounts it there.</summary>
    public string? CountedInAlert { get; set; }

    /// <summary>How many times it has opened: a resolved exception raised again is a new occurrence.</summary>
    public int Occurrences { get; set; }

    public bool IsOpen => Status == Open;
}
