using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>
/// An order from payment to allocation: authorisation (or a decline, a payment hold and a retry),
/// address and fraud holds that are released or end in cancellation, allocation, and rechecks of
/// backordered lines until stock arrives or the lines are cancelled.
/// </summary>
internal sealed class OrderJourney(Order order) : IHappening
{
    private const int BackorderRechecks = 3;

    private static readonly string[] DeclineReasons = ["insufficient_funds", "do_not_honor", "expired_card", "3ds_failed"];

    private Step _next = Step.Authorise;
    private string _hold = "";
    private int _rechecks;

    private enum Step
    {
        Authorise,
        RetryPayment,
        ReviewHold,
        Allocate,
        RecheckBackorder,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Happen(Simulation sim)
    {
        if (order.Cancelled)
        {
            return;
        }

        var rng = sim.Rng;
        switch (_next)
        {
            case Step.Authorise when rng.Chance(order.Channel == SalesChannels.Wholesale ? 0.01 : 0.03):
                var reason = rng.Pick(DeclineReasons);
                sim.Emit(EventTypes.PaymentDeclined, order.Provider, order.Id, new PaymentDeclined
                {
                    PaymentId = order.PaymentId, OrderId = order.Id, Provider = order.Provider,
                    Amount = order.Total, Currency = Money.Currency, Reason = reason,
                });
                Hold(sim, "payment_hold", $"authorisation declined: {reason}", Step.RetryPayment,
                    rng.Between(TimeSpan.FromMinutes(30), TimeSpan.FromHours(10)));
                break;
            case Step.Authorise:
                Authorise(sim);
                Screen(sim);
                break;
            case Step.RetryPayment when rng.Chance(0.7):
                Authorise(sim);
                Release(sim);
                break;
            case Step.RetryPayment:
                Cancel(sim, "payment_failed");
                break;
            case Step.ReviewHold when rng.Chance(_hold == "fraud_review" ? 0.8 : 0.9):
                Release(sim);
                break;
            case Step.ReviewHold:
                Cancel(sim, _hold == "fraud_review" ? "fraud_suspected" : "address_invalid");
                break;
            case Step.Allocate:
                if (StockAllocation.Allocate(sim, order, recheck: false))
                {
                    Recheck(sim);
                }

                break;
            case Step.RecheckBackorder:
                _rechecks++;
                if (!StockAllocation.Allocate(sim, order, recheck: true))
                {
                    break;
                }

                if (_rechecks < BackorderRechecks)
                {
                    Recheck(sim);
                }
                else
                {
                    StockAllocation.CancelUnfilled(sim, order);
                }

                break;
        }
    }

    private void Authorise(Simulation sim) =>
        sim.Emit(EventTypes.PaymentAuthorized, order.Provider, order.Id, new PaymentAuthorized
        {
            PaymentId = order.PaymentId, OrderId = order.Id, Provider = order.Provider,
            Amount = order.Total, Currency = Money.Currency,
        });

    /// <summary>Online orders are screened: big baskets for fraud, some addresses fail validation.</summary>
    private void Screen(Simulation sim)
    {
        var rng = sim.Rng;
        var online = order.Channel <= SalesChannels.Ebay;
        if (rng.Chance((online ? 0.006 : 0.002) + (order.Total > 400 ? 0.03 : 0)))
        {
            Hold(sim, "fraud_review", "risk score above the review threshold", Step.ReviewHold,
                rng.Between(TimeSpan.FromHours(1), TimeSpan.FromHours(20)));
        }
        else if (online && rng.Chance(0.015))
        {
            Hold(sim, "address_validation", "postcode does not match the street", Step.ReviewHold,
                rng.Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(8)));
        }
        else
        {
            _next = Step.Allocate;
            sim.Timeline.After(rng.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6)), this);
        }
    }

    private void Hold(Simulation sim, string reason, string detail, Step next, TimeSpan review)
    {
        _hold = reason;
        _next = next;
        sim.Emit(EventTypes.OrderHeld, order.ChannelName, order.Id, new OrderHeld { OrderId = order.Id, Reason = reason, Detail = detail });
        sim.Timeline.After(review, this);
    }

    private void Release(Simulation sim)
    {
        sim.Emit(EventTypes.OrderReleased, order.ChannelName, order.Id, new OrderReleased { OrderId = order.Id, Reason = _hold });
        _next = Step.Allocate;
        sim.Timeline.After(sim.Rng.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)), this);
    }

    private void Cancel(Simulation sim, string reason)
    {
        order.Cancelled = true;
        sim.Emit(EventTypes.OrderCancelled, order.ChannelName, order.Id, new OrderCancelled { OrderId = order.Id, Reason = reason });
    }

    private void Recheck(Simulation sim)
    {
        _next = Step.RecheckBackorder;
        sim.Timeline.After(sim.Rng.Between(TimeSpan.FromHours(12), TimeSpan.FromHours(20)), this);
    }
}
