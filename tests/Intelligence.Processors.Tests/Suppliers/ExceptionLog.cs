using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>
/// A test stand-in for the exception queue (another area's fold): keyed by exception id, it keeps
/// every raise and resolve it is sent, in order, so tests can read what a fold reported and when.
/// </summary>
public sealed class ExceptionLog : Fold<ExceptionLog.Entries>
{
    public const string FoldName = "exception-log";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ExceptionRaised), typeof(ExceptionResolved)];

    protected override void Apply(Entries state, in Message message, IOutputs outputs)
    {
        state.Seen.Add(message.Body switch
        {
            ExceptionRaised raised => new Entry
            {
                At = message.At, Raised = true, Category = raised.Category, EntityId = raised.EntityId, Detail = raised.Detail,
                Risk = raised.Context.Risk, SupplierId = raised.Context.SupplierId, Location = raised.Context.Location,
                Sku = raised.Context.Sku,
            },
            ExceptionResolved resolved => new Entry { At = message.At, Resolution = resolved.Resolution },
            _ => throw new InvalidOperationException("unexpected input"),
        });
    }

    /// <summary>Every exception id the log holds with what was sent under it.</summary>
    public static IReadOnlyDictionary<string, List<Entry>> Read(Support.FoldHarness harness) =>
        harness.Engine.Topology.Folds.Any(f => f.Name == FoldName)
            ? harness.Engine.Store(FoldName).ToDictionary(p => p.Key, p => ((Entries)p.Value).Seen)
            : new Dictionary<string, List<Entry>>();

    public sealed class Entries : FoldState
    {
        public List<Entry> Seen { get; set; } = [];
    }

    public sealed class Entry
    {
        public DateTimeOffset At { get; set; }
        public bool Raised { get; set; }
        public string? Category { get; set; }
        public string? EntityId { get; set; }
        public string? Detail { get; set; }
        public double Risk { get; set; }
        public string? SupplierId { get; set; }
        public string? Location { get; set; }
        public string? Sku { get; set; }
        public string? Resolution { get; set; }
    }
}
