using Intelligence.Contracts;
using Intelligence.Contracts.Payment;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Splits a settlement statement (keyed by settlement id) into its lines, each sent under the order
/// it settles, so the order-payments fold can match it with the order's captures and refunds. The
/// contract requires an order id on every line (ingest dead-letters a statement with a line
/// without one), so no line is left without a key.
/// </summary>
public sealed class SettlementLinesRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } = [typeof(SettlementReported)];

    public void Route(RetailEvent e, IOutputs outputs)
    {
        var statement = (SettlementReported)e.Payload;
        foreach (var line in statement.Lines!)
        {
            outputs.Send(line.OrderId!, new SettlementLineReported(
                statement.SettlementId!, statement.Provider!, line.OrderId!, line.Kind!, line.Amount!.Value, line.Fee!.Value,
                statement.PeriodEnd!.Value, e.OccurredAt));
        }
    }
}
