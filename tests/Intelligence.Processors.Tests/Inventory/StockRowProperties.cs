using CsCheck;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>
/// Whatever the movements and whatever order they arrive in (late, out of order, releasing more than
/// is held, picking what was never allocated), every published stock row adds up, and no component
/// the ATS subtracts is published below zero.
/// </summary>
public sealed class StockRowProperties
{
    private const string At = "DC-EAST";

    // (operation, quantity, minute): minutes are drawn independently, so events arrive out of order.
    private static readonly Gen<(int Op, int Quantity, int Minute)[]> Movements =
        Gen.Select(Gen.Int[0, 6], Gen.Int[1, 40], Gen.Int[0, 600]).Array[1, 50];

    [Fact]
    public void Every_published_row_adds_up_and_never_shows_negative_reservations_or_holds()
    {
        var options = new InventoryOptions { DefaultSafetyStock = 3 };
        Movements.Sample(plan =>
        {
            var run = Play(plan, options, counts: true);

            var rows = run.Harness.RowsOf<StockPositionRow>().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r =>
            {
                Assert.True(r.Reserved >= 0, $"reserved {r.Reserved}");
                Assert.True(r.QualityHold >= 0, $"quality hold {r.QualityHold}");
                Assert.Equal(r.OnHand - r.Reserved - r.QualityHold - r.SafetyStock, r.Ats);
                Assert.Equal(r.OnHand - r.Reserved - r.QualityHold < 0, r.Oversold);
                Assert.True(r.ProjectedAts >= r.Ats, $"projected {r.ProjectedAts} below ATS {r.Ats}");
            });
            Assert.Empty(run.Harness.Failures);
        }, iter: 200);
    }

    [Fact]
    public void The_order_movements_arrive_in_does_not_change_where_the_position_ends()
    {
        Movements.Sample(plan =>
        {
            var inOrder = Play([.. plan.OrderBy(p => p.Minute)], new InventoryOptions(), counts: false).Row(At);
            var asArrived = Play(plan, new InventoryOptions(), counts: false).Row(At);

            Assert.Equal((inOrder.OnHand, inOrder.Reserved, inOrder.QualityHold, inOrder.Ats),
                (asArrived.OnHand, asArrived.Reserved, asArrived.QualityHold, asArrived.Ats));
        }, iter: 200);
    }

    private static InventoryRun Play((int Op, int Quantity, int Minute)[] plan, InventoryOptions options, bool counts)
    {
        var run = new InventoryRun(options);
        for (var i = 0; i < plan.Length; i++)
        {
            var (op, q, minute) = plan[i];
            _ = op switch
            {
                0 => run.Receive(At, q, minute),
                1 => run.Adjust(At, q % 2 == 0 ? q : -q, minute),
                2 => run.Hold(At, q, minute),
                3 => run.ReleaseHold(At, q, minute),
                4 => run.Allocate($"O-{i}", At, q, minute),
                5 => run.Pick($"O-{i}", At, q, minute),
                _ => counts ? run.Count(At, q, minute) : run.Receive(At, q, minute),
            };
        }

        return run;
    }
}
