using System.Text.Json.Serialization;

namespace Intelligence.Processors.Flow;

/// <summary>
/// A row a fold writes to the analytics store. Properties become columns (snake_case); the sink
/// never interprets a row beyond its table and, for latest-state rows, its <see cref="StateRow.RowKey"/>.
/// </summary>
public abstract record OutputRow
{
    [JsonIgnore]
    public abstract string Table { get; }
}

/// <summary>
/// The latest state of one entity, for a ReplacingMergeTree table whose version column is
/// <see cref="Revision"/>: a later revision of the same <see cref="RowKey"/> replaces an earlier one,
/// so a batch written twice changes nothing. Within one batch only the last row per key is kept.
/// </summary>
public abstract record StateRow : OutputRow
{
    [JsonIgnore]
    public abstract string RowKey { get; }

    /// <summary>Counts the changes of the entity, so it only grows: the table's version.</summary>
    public required long Revision { get; init; }
}
