using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>
/// Stands in for the order fold's part in these tests: keyed by order, it remembers what each line has
/// reserved where and not yet picked, and sends <see cref="ReservationReleased"/> for it when the order
/// or the line is cancelled.
/// </summary>
public sealed class CancelledReservations : Fold<CancelledReservations.Lines>
{
    public override string Name => "cancelled-reservations";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(AllocationMade), typeof(PickCompleted), typeof(OrderCancelled)];

    protected override void Apply(Lines state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case AllocationMade a when a.Quantity > 0:
                state.Open.Add(new Reservation { LineId = a.LineId!, Sku = a.Sku!, Location = a.Location!, Units = a.Quantity!.Value });
                break;
            case PickCompleted p:
                var used = p.Quantity!.Value + p.ShortQuantity!.Value;
                foreach (var r in state.Open.Where(r => r.LineId == p.LineId && r.Location == p.Location && r.Units > 0))
                {
                    var take = Math.Min(used, r.Units);
                    r.Units -= take;
                    used -= take;
                }

                break;
            case OrderCancelled c:
                foreach (var r in state.Open.Where(r => r.Units > 0 && (c.LineIds is null || c.LineIds.Contains(r.LineId))))
                {
                    outputs.Send(StockKeys.Of(r.Sku, r.Location), new ReservationReleased(r.Sku, r.Location, r.Units));
                    r.Units = 0;
                }

                break;
        }
    }

    public sealed class Lines : FoldState
    {
        public List<Reservation> Open { get; set; } = [];
    }

    public sealed class Reservation
    {
        public string LineId { get; set; } = "";
        public string Sku { get; set; } = "";
        public string Location { get; set; } = "";
        public int Units { get; set; }
    }
}
