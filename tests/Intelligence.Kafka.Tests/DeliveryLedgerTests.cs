using CsCheck;
using Intelligence.Kafka;

namespace Intelligence.Kafka.Tests;

public sealed class DeliveryLedgerTests
{
    [Fact]
    public async Task A_wait_covers_the_records_enlisted_before_it_and_not_the_ones_after()
    {
        var ledger = new DeliveryLedger();
        var first = ledger.Enlist();
        var second = ledger.Enlist();
        var wait = ledger.WhenSettledAsync(CancellationToken.None);
        var later = ledger.Enlist();

        ledger.Settle(second, delivered: true);
        Assert.False(wait.IsCompleted);
        ledger.Settle(first, delivered: false);

        Assert.Equal(1, await wait.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, ledger.Pending);
        Assert.Equal((1L, 1L), (ledger.Delivered, ledger.Failed));
        ledger.Settle(later, delivered: true);
        Assert.Equal(0, ledger.Pending);
    }

    [Fact]
    public void A_wait_completes_exactly_when_the_last_record_before_it_is_settled_whatever_the_order()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 40], Gen.Int[0, 1_000_000]).Sample((before, after, seed) =>
        {
            var ledger = new DeliveryLedger();
            var covered = Enumerable.Range(0, before).Select(_ => ledger.Enlist()).ToList();
            var wait = ledger.WhenSettledAsync(CancellationToken.None);
            var later = Enumerable.Range(0, after).Select(_ => ledger.Enlist()).ToList();
            var random = new Random(seed);
            var order = covered.Concat(later).OrderBy(_ => random.Next()).ToList();
            var lastCovered = order.FindLastIndex(covered.Contains);
            for (var i = 0; i < order.Count; i++)
            {
                if (i == lastCovered && wait.Wait(TimeSpan.FromMilliseconds(1)))
                {
                    return false;
                }

                ledger.Settle(order[i], delivered: true);
            }

            return wait.Wait(TimeSpan.FromSeconds(5)) && ledger.Pending == 0 && ledger.Delivered == before + after;
        }, iter: 200);
    }
}
