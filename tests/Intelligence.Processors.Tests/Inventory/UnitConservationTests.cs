using CsCheck;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class UnitConservationTests
{
    private static readonly string[] Locations = ["DC-EAST", "DC-WEST", "STORE-01"];

    [Fact]
    public void Units_are_conserved_and_reservations_never_go_negative_over_any_sequence_of_movements()
    {
        var steps = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 6]).Array[1, 60];
        steps.Sample(plan =>
        {
            var run = new InventoryRun();
            var book = new Book();
            for (var i = 0; i < plan.Length; i++)
            {
                Play(run, book, plan[i], i);
            }

            var positions = Locations.Select(l => run.Harness.Engine.Store("stock-positions").TryGetValue(StockKeys.Of(InventoryRun.Sku, l), out var s)
                ? (StockPosition)s : new StockPosition()).ToList();
            Assert.Equal(book.BookedIn - book.Picked, positions.Sum(p => p.OnHand + p.TransfersInUnits));
            Assert.Equal(positions.Sum(p => p.TransfersInUnits), positions.Sum(p => p.TransfersOutUnits));
            Assert.Equal(book.Open.Sum(r => r.Units), positions.Sum(p => p.Reserved));
            Assert.All(positions, p => Assert.True(p.Reserved >= 0, $"{p.Location} reserves {p.Reserved}"));
            Assert.Empty(run.Harness.Failures);
        }, iter: 150);
    }

    private static void Play(InventoryRun run, Book book, (int Op, int A, int B, int Q) step, int minute)
    {
        var (op, a, b, q) = step;
        var at = Locations[a];
        switch (op)
        {
            case 0:
                run.Receive(at, q, minute);
                book.BookedIn += q;
                break;
            case 1:
                var order = $"O-{minute}";
                run.Allocate(order, at, q, minute);
                book.Open.Add(new Reservation(order, at) { Units = q });
                break;
            case 2 when book.Open.Count > 0:
                var released = book.Open[q % book.Open.Count];
                var units = Math.Min(q, released.Units);
                run.Signal(StockKeys.Of(InventoryRun.Sku, released.Location), new ReservationReleased(InventoryRun.Sku, released.Location, units), minute);
                Use(book, released, units);
                break;
            case 3 when book.Open.Count > 0:
                var picked = book.Open[q % book.Open.Count];
                var quantity = Math.Min(q, picked.Units);
                var shortQuantity = b == 0 ? picked.Units - quantity : 0;
                run.Pick(picked.Order, picked.Location, quantity, minute, shortQuantity);
                book.Picked += quantity;
                Use(book, picked, quantity + shortQuantity);
                break;
            case 4:
                // Shipping a picked parcel moves no stock: the pick already took it off the shelf.
                run.Harness.Feed($"O-{minute}", new ShipmentDispatched
                {
                    ShipmentId = $"S-{minute}", OrderId = $"O-{minute}", Location = at, Carrier = "dhl", PromisedBy = InventoryRun.At(minute + 600),
                    ShippingCost = 4m, Lines = [new ShipmentLine { LineId = "L1", Sku = InventoryRun.Sku, Quantity = q }],
                }, InventoryRun.At(minute));
                break;
            case 5:
                run.Return($"O-{minute}", at, q, b == 2 ? "damaged" : "sellable", minute);
                book.BookedIn += b == 2 ? 0 : q;
                break;
            case 6:
                var to = Locations[a == b ? (b + 1) % Locations.Length : b];
                run.Dispatch($"T-{minute}", at, to, q, minute, minute + 600);
                book.InTransit.Add(($"T-{minute}", at, to, q));
                break;
            case 7 when book.InTransit.Count > 0:
                var (transfer, from, dest, sent) = book.InTransit[0];
                run.Arrive(transfer, from, dest, sent, minute);
                book.InTransit.RemoveAt(0);
                break;
            case 8:
                run.Adjust(at, q - 3 == 0 ? 1 : q - 3, minute);
                book.BookedIn += q - 3 == 0 ? 1 : q - 3;
                break;
            case 9:
                run.Hold(at, q, minute).ReleaseHold(at, q, minute + 0.5);
                break;
        }
    }

    private static void Use(Book book, Reservation reservation, int units)
    {
        reservation.Units -= units;
        if (reservation.Units == 0)
        {
            book.Open.Remove(reservation);
        }
    }

    /// <summary>What the movements add up to, kept independently of the folds.</summary>
    private sealed class Book
    {
        public int BookedIn { get; set; }
        public int Picked { get; set; }
        public List<Reservation> Open { get; } = [];
        public List<(string Id, string From, string To, int Units)> InTransit { get; } = [];
    }

    private sealed record Reservation(string Order, string Location)
    {
        public int Units { get; set; }
    }
}
