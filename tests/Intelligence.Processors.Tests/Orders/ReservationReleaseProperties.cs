using CsCheck;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Orders;

public sealed class ReservationReleaseProperties
{
    private static readonly (string LineId, string Sku)[] Lines = [("L1", "SKU-1"), ("L2", "SKU-2")];
    private static readonly string[] Locations = ["DC-EAST", "DC-WEST"];

    /// <summary>A step: 0 allocate, 1 pick (part short), 2 cancel the line, 3 cancel the order; which line and location; how many units.</summary>
    private static readonly Gen<(int Kind, int Line, int Location, int Units)[]> Steps =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 4]).Array[1, 25];

    [Fact]
    public void A_cancel_never_releases_more_than_the_line_still_reserves_at_the_location()
    {
        Steps.Sample(steps => Play(steps, pickOnlyReserved: false));
    }

    [Fact]
    public void Once_the_order_is_cancelled_every_allocated_unit_was_picked_shorted_or_released()
    {
        Steps.Sample(steps =>
        {
            var model = Play([.. steps, (3, 0, 0, 0)], pickOnlyReserved: true);
            foreach (var (key, units) in model)
            {
                Assert.True(units.Allocated == units.Consumed + units.Released, $"{key}: {units}");
            }
        });
    }

    /// <summary>Plays the steps, checking each release against what the line reserved just before it; returns the units per (line, location).</summary>
    private static Dictionary<(int Line, int Location), (int Allocated, int Consumed, int Released)> Play(
        (int Kind, int Line, int Location, int Units)[] steps, bool pickOnlyReserved)
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 6, 10m), ("L2", "SKU-2", 4, 10m));
        var model = new Dictionary<(int Line, int Location), (int Allocated, int Consumed, int Released)>();
        foreach (var (kind, line, location, units) in steps)
        {
            var (lineId, sku) = Lines[line];
            var at = model.GetValueOrDefault((line, location));
            var seen = o.Signals.Of<ReservationReleased>().Count();
            switch (kind)
            {
                case 0:
                    o.Allocated(lineId, sku, Locations[location], units, units + 1);
                    model[(line, location)] = at with { Allocated = at.Allocated + units };
                    break;
                case 1:
                    var take = pickOnlyReserved ? Math.Min(units, at.Allocated - at.Consumed - at.Released) : units;
                    if (take == 0)
                    {
                        continue;
                    }

                    o.Picked(lineId, sku, Locations[location], take - take / 2, shortQuantity: take / 2);
                    model[(line, location)] = at with { Consumed = at.Consumed + take };
                    break;
                case 2:
                    o.Cancelled(lineId);
                    break;
                default:
                    o.Cancelled();
                    break;
            }

            foreach (var (_, released) in o.Signals.Of<ReservationReleased>().Skip(seen))
            {
                var key = (Array.FindIndex(Lines, l => l.Sku == released.Sku), Array.IndexOf(Locations, released.Location));
                var before = model.GetValueOrDefault(key);
                Assert.True(released.Quantity > 0);
                Assert.True(released.Quantity <= before.Allocated - before.Consumed - before.Released,
                    $"released {released.Quantity} of {released.Sku}@{released.Location} with {before} before");
                model[key] = before with { Released = before.Released + released.Quantity };
            }
        }

        return model;
    }
}
