using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>A test stand-in for the stock position (another area's fold): keyed SKU@location, it keeps the inbound deltas it is sent.</summary>
public sealed class InboundLog : Fold<InboundLog.Deltas>
{
    public const string FoldName = "inbound-log";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(InboundChanged)];

    protected override void Apply(Deltas state, in Message message, IOutputs outputs) => state.Seen.Add((InboundChanged)message.Body);

    public sealed class Deltas : FoldState
    {
        public List<InboundChanged> Seen { get; set; } = [];

        public int Inbound => Seen.Sum(d => d.Delta);
    }
}
