using CsCheck;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Exceptions;

public sealed class ExceptionQueueProperties
{
    private static readonly string[] Ids = ["payment_hold:O-1", "carrier_delay:SHP-1", "backorder:O-2/L1"];

    /// <summary>A step: 0 raise, 1 resolve, 2 let time pass; on which exception; and how many minutes later.</summary>
    private static readonly Gen<(int Kind, int Which, int Minutes)[]> Steps =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, Ids.Length - 1], Gen.Int[1, 600]).Array[1, 40];

    [Fact]
    public void An_exception_is_never_both_open_and_resolved_and_its_counts_add_up()
    {
        Steps.Sample(steps =>
        {
            var harness = SignalInjector.Around(out var send, new ExceptionQueueFold(new ExceptionPolicyOptions()));
            var at = FoldHarness.T0;
            foreach (var (kind, which, minutes) in steps)
            {
                at = at.AddMinutes(minutes);
                var id = Ids[which];
                var category = id[..id.IndexOf(':', StringComparison.Ordinal)];
                switch (kind)
                {
                    case 0:
                        send.Send(id, new ExceptionRaised(id, category, "test", id[(category.Length + 1)..], new ExceptionContext("webstore"), "d"), at);
                        break;
                    case 1:
                        send.Send(id, new ExceptionResolved(id, "done"), at);
                        break;
                    default:
                        harness.AdvanceTo(at);
                        break;
                }
            }

            foreach (var row in harness.RowsOf<ExceptionRow>())
            {
                var open = row.Status == ExceptionState.Open;
                Assert.True(open ^ (row.Status == ExceptionState.Resolved));
                Assert.Equal(open, row.ResolvedAt is null && row.Resolution is null && row.ResolveSeconds is null);
            }

            var latest = harness.Latest<ExceptionRow>().Values.ToList();
            var kpis = harness.RowsOf<KpiCount>().ToList();
            var opened = kpis.Where(k => k.Metric == "exceptions_opened").Sum(k => k.Value);
            var resolved = kpis.Where(k => k.Metric == "exceptions_resolved").Sum(k => k.Value);
            Assert.Equal(latest.Count(r => r.Status == ExceptionState.Open), opened - resolved);
            Assert.Equal(latest.Sum(r => r.Occurrences), opened);
            Assert.True(kpis.Where(k => k.Metric == "exceptions_breached").Sum(k => k.Value) <= opened);
        });
    }
}
