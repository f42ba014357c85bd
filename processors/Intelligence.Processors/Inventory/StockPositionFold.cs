using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// Keyed <c>SKU@LOCATION</c>: on hand, reserved, quality hold, inbound, transfers and returns in transit,
/// and from them ATS and projected ATS; confidence, cover and aging. Counts settle on hand through the
/// <see cref="CountJournal"/>. Writes a <c>stock_positions</c> row per change, sends
/// <see cref="LocationAtsChanged"/> (keyed by SKU) when ATS moves, and raises <c>oversell</c> when reserved
/// and held units exceed on hand for longer than the grace period.
/// </summary>
public sealed class StockPositionFold(InventoryOptions options) : Fold<StockPosition>
{
    public const string FoldName = "stock-positions";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(StockMoved), typeof(StockCountTaken), typeof(ReservationReleased), typeof(ReturnsInTransitChanged), typeof(InboundChanged),
    ];

    protected override void Apply(StockPosition state, in Message message, IOutputs outputs)
    {
        var now = message.At > message.StreamTime ? message.At : message.StreamTime;
        CountJournal.Forget(state, now, options.CountGrace);
        switch (message.Body)
        {
            case StockMoved moved:
                Identify(state, moved.Sku, moved.Location, message.At);
                Move(state, moved, message.At, now);
                break;
            case StockCountTaken count:
                Identify(state, count.Sku, count.Location, message.At);
                Count(state, count, message, now, outputs);
                break;
            case ReservationReleased released:
                Identify(state, released.Sku, released.Location, message.At);
                state.Reserved -= released.Quantity;
                break;
            case ReturnsInTransitChanged returns:
                Identify(state, returns.Sku, returns.Location, message.At);
                state.ReturnsInTransit += returns.Delta;
                break;
            case InboundChanged inbound:
                Identify(state, inbound.Sku, inbound.Location, message.At);
                Expect(state, inbound);
                break;
        }

        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        Publish(state, message.Key, outputs);
        WatchOversell(state, now, outputs);
    }

    protected override DateTimeOffset? DueAt(StockPosition state) => state.OversellDueAt;

    protected override void Tick(StockPosition state, string key, DateTimeOffset now, IOutputs outputs)
    {
        state.OversellDueAt = null;
        if (state.Unpromised >= 0 || state.OversellOpen)
        {
            return;
        }

        state.OversellOpen = true;
        var shortfall = -state.Unpromised;
        outputs.Send(ExceptionRaised.IdOf(ExceptionCategories.Oversell, key), new ExceptionRaised(
            ExceptionRaised.IdOf(ExceptionCategories.Oversell, key), ExceptionCategories.Oversell, "sku-location", key,
            new ExceptionContext(Location: state.Location, Sku: state.Sku, Risk: Math.Min(1, shortfall / (double)Math.Max(1, state.ReservedUnits))),
            $"{state.Sku} at {state.Location}: {state.ReservedUnits} reserved and {state.HeldUnits} on hold against {state.OnHand} on hand, " +
            $"{shortfall} units short for more than {options.OversellGrace.TotalMinutes:0} min."));
    }

    protected override void WriteLatest(StockPosition state, string key, long revision, IOutputs outputs)
    {
        var safety = options.SafetyStockAt(state.Location);
        var ats = state.Unpromised - safety;
        var (inbound, transfersIn) = (state.InboundUnits, state.TransfersInUnits);
        var projected = ats + inbound + transfersIn + Math.Max(0, state.ReturnsInTransit);
        var asOf = state.UpdatedAt;
        outputs.Write(new StockPositionRow(
            state.Sku, state.Location, state.OnHand, state.ReservedUnits, state.HeldUnits, inbound, state.InboundExpectedAt,
            transfersIn, state.TransfersOutUnits, state.ReturnsInTransit, safety, ats, projected, state.Unpromised < 0,
            StockHealth.Confidence(state, asOf, options), StockHealth.CoverDays(state, ats, asOf, options.CoverWindowDays),
            StockHealth.DaysSince(state.LastReceiptAt, asOf), StockHealth.DaysSince(state.LastPickAt, asOf), state.LastCountAt, asOf)
        {
            Revision = revision,
        });
    }

    private static void Identify(StockPosition state, string sku, string location, DateTimeOffset at)
    {
        state.Identify(sku, location);
        if (state.FirstSeenAt is null || at < state.FirstSeenAt)
        {
            state.FirstSeenAt = at;
        }
    }

    private void Move(StockPosition state, StockMoved moved, DateTimeOffset at, DateTimeOffset now)
    {
        if (MovementKinds.MovesOnHand(moved.Kind))
        {
            CountJournal.Move(state, at, MovementKinds.OnHandDelta(moved));
            state.Booked = true;
        }

        if (MovementKinds.IsReceipt(moved.Kind) && moved.Quantity > 0 && !(at <= state.LastReceiptAt))
        {
            state.LastReceiptAt = at;
        }

        var reference = moved.Reference ?? "";
        switch (moved.Kind)
        {
            case MovementKinds.Adjusted:
                StockHealth.RecordAdjustment(state, at, moved.Quantity, now);
                break;
            case MovementKinds.Held:
                state.QualityHold += moved.Quantity;
                break;
            case MovementKinds.Released:
                state.QualityHold -= moved.Quantity;
                break;
            case MovementKinds.Allocated:
                state.Reserved += moved.Quantity;
                break;
            case MovementKinds.Picked:
                state.Reserved -= moved.Quantity + moved.ShortQuantity;
                if (moved.Quantity > 0)
                {
                    StockHealth.RecordPick(state, at, moved.Quantity, now, options.CoverWindowDays);
                    if (!(at <= state.LastPickAt))
                    {
                        state.LastPickAt = at;
                    }
                }

                break;
            case MovementKinds.TransferOut:
                state.TransfersOut ??= new(StringComparer.Ordinal);
                state.TransfersOut[reference] = state.TransfersOut.GetValueOrDefault(reference) + moved.Quantity;
                break;
            case MovementKinds.TransferExpected:
                state.TransfersIn ??= new(StringComparer.Ordinal);
                state.TransfersIn[reference] = new ExpectedUnits { Units = moved.Quantity, ExpectedAt = moved.ExpectedAt };
                break;
            case MovementKinds.TransferIn:
                state.TransfersIn = Without(state.TransfersIn, reference);
                break;
            case MovementKinds.TransferArrived:
                state.TransfersOut = Without(state.TransfersOut, reference);
                break;
        }
    }

    private static void Count(StockPosition state, StockCountTaken count, in Message message, DateTimeOffset now, IOutputs outputs)
    {
        var booked = state.Booked;
        var (outcome, variance) = CountJournal.Count(state, message.At, count.Counted);
        StockHealth.RecordAdjustment(state, message.At, booked ? variance : 0, now); // a first count finds no book to be wrong
        var metric = outcome switch
        {
            CountOutcome.Rebased => "count_rebased",
            CountOutcome.PastGrace => "count_past_grace",
            CountOutcome.Superseded => "count_superseded",
            _ => null,
        };
        state.Booked = true;
        if (metric is not null)
        {
            outputs.Count(metric, KpiEntity.Of("node", state.Location), message.At, 1);
        }
    }

    private static void Expect(StockPosition state, InboundChanged inbound)
    {
        state.Inbound ??= new(StringComparer.Ordinal);
        if (!state.Inbound.TryGetValue(inbound.PoId, out var expected))
        {
            state.Inbound[inbound.PoId] = expected = new ExpectedUnits();
        }

        expected.Units += inbound.Delta;
        expected.ExpectedAt = inbound.ExpectedAt ?? expected.ExpectedAt;
        if (expected.Units <= 0)
        {
            state.Inbound = Without(state.Inbound, inbound.PoId);
        }
    }

    /// <summary>The book without <paramref name="reference"/>; none at all once it is empty, so that an idle position holds no collections.</summary>
    private static Dictionary<string, T>? Without<T>(Dictionary<string, T>? book, string reference)
    {
        book?.Remove(reference);
        return book is { Count: > 0 } ? book : null;
    }

    private void Publish(StockPosition state, string key, IOutputs outputs)
    {
        outputs.Changed(this, state, key);
        var ats = state.Unpromised - options.SafetyStockAt(state.Location);
        if (state.AtsSent != ats)
        {
            state.AtsSent = ats;
            outputs.Send(state.Sku, new LocationAtsChanged(state.Sku, state.Location, ats));
        }
    }

    private void WatchOversell(StockPosition state, DateTimeOffset now, IOutputs outputs)
    {
        if (state.Unpromised < 0)
        {
            // Not at once: a receipt or count still on its way may cover it.
            if (!state.OversellOpen && state.OversellDueAt is null)
            {
                state.OversellDueAt = now + options.OversellGrace;
            }

            return;
        }

        state.OversellDueAt = null;
        if (state.OversellOpen)
        {
            state.OversellOpen = false;
            var id = ExceptionRaised.IdOf(ExceptionCategories.Oversell, StockKeys.Of(state.Sku, state.Location));
            outputs.Send(id, new ExceptionResolved(id, "recovered"));
        }
    }
}
