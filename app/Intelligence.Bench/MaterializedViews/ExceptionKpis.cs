using Intelligence.Analytics;
using Intelligence.Processors.Exceptions;
using static Intelligence.Bench.MaterializedViews.ViewSchema;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// The exceptions a view can keep, as exception ids (<c>category:entity</c>) still open at the end:
/// carrier delays (a parcel delayed and not delivered) and order holds (the latest change of each
/// hold, by event time, opened it). Rules that need a timer or another key's state are left out.
/// </summary>
public static class ExceptionKpis
{
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        ExceptionCategories.CarrierDelay, ExceptionCategories.PaymentHold, ExceptionCategories.AddressValidation, ExceptionCategories.FraudReview,
    };

    private const string OpenCarrierDelays = $"""
        SELECT shipment_id FROM {Database}.shipment_progress GROUP BY shipment_id
        HAVING max(dispatched) = 1 AND max(delayed) = 1 AND max(delivered) = 0
        """;

    private const string OpenHolds = $"""
        SELECT category, order_id FROM {Database}.order_holds GROUP BY order_id, category HAVING argMaxMerge(open) = 1
        """;

    public static async Task<IReadOnlySet<string>> OpenAsync(IAnalyticsStore store, CancellationToken ct)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shipment in Rows(await store.QueryAsync(OpenCarrierDelays, "TabSeparated", ct: ct)))
        {
            open.Add(ExceptionRaised.IdOf(ExceptionCategories.CarrierDelay, shipment[0]));
        }

        foreach (var hold in Rows(await store.QueryAsync(OpenHolds, "TabSeparated", ct: ct)))
        {
            open.Add(ExceptionRaised.IdOf(hold[0], hold[1]));
        }

        return open;
    }

    private static IEnumerable<string[]> Rows(QueryResult result) =>
        result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => row.Split('\t'));
}
