using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Orders;

/// <summary>
/// Takes an order on a channel: who buys, where it ships, what is in the basket and at what price,
/// then starts its journey (payment, holds, allocation).
/// </summary>
internal static class OrderDesk
{
    private static readonly int[][] OnlineCandidates = [[0, 1, 2], [1, 0, 2], [2, 0, 1]];
    private static readonly int[][] TradeCandidates = [[0, 1], [1, 0]];
    private static readonly string[][] PostcodeDigits = [["0", "1", "8", "9"], ["3", "4", "5", "6"], ["2", "7"]];
    private static readonly string[] Abroad = ["AT", "NL", "FR"];
    private static readonly string[] LineIds = [.. Enumerable.Range(1, 16).Select(i => $"L{i}")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Order Place(Simulation sim, int channel, int? forcedSku)
    {
        var rng = sim.Rng;
        var assortment = sim.Assortment;
        int customer, home, region;
        int[] candidates;
        switch (channel)
        {
            case SalesChannels.Wholesale:
                customer = rng.Pick(assortment.TradeCustomers);
                home = region = rng.Next(2);
                candidates = TradeCandidates[home];
                break;
            case SalesChannels.Stores:
                customer = rng.Pick(assortment.RetailCustomers);
                home = Assortment.FirstStore + rng.Next(sim.Plan.Stores);
                candidates = [home, Assortment.SupplyingDc(home)];
                region = Assortment.SupplyingDc(home);
                break;
            default:
                customer = rng.Pick(assortment.RetailCustomers);
                var roll = rng.NextDouble();
                home = region = roll < RunPlan.RegionShare[0] ? 0 : roll < RunPlan.RegionShare[0] + RunPlan.RegionShare[1] ? 1 : 2;
                candidates = OnlineCandidates[home];
                break;
        }

        var lines = Basket(sim, channel, forcedSku, out var promotionId);
        var subtotal = 0m;
        foreach (var line in lines)
        {
            subtotal += line.UnitPrice * line.Quantity - line.Discount;
        }

        var shipping = Shipping(rng, channel, subtotal);
        var order = new Order(sim.Ids.Next(Document.Order), channel, home, candidates, lines)
        {
            PaymentId = sim.Ids.Next(Document.Payment),
            PromisedBy = Calendar.NextHour(sim.Now.AddDays(SalesChannels.PromiseDays[channel]), 20),
            ShippingCharged = shipping,
            Total = subtotal + shipping,
        };

        var wireLines = new OrderLine[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            wireLines[i] = new OrderLine
            {
                LineId = line.LineId,
                Sku = sim.SkuIds[line.Sku],
                Quantity = line.Quantity,
                UnitPrice = line.UnitPrice,
                Discount = line.Discount,
            };
        }

        var country = channel == SalesChannels.Webstore && rng.Chance(0.06) ? rng.Pick(Abroad) : "DE";
        sim.Emit(EventTypes.OrderPlaced, Sources.Channel(channel), order.Id, new OrderPlaced
        {
            OrderId = order.Id,
            Channel = order.ChannelName,
            CustomerId = sim.CustomerIds[customer],
            CustomerTier = assortment.CustomerTier[customer],
            Currency = Money.Currency,
            PromotionId = promotionId,
            ShippingCharged = shipping,
            ShipTo = new ShipTo { Country = country, PostalCode = $"{rng.Pick(PostcodeDigits[region])}{rng.Next(10_000):D4}" },
            Lines = wireLines,
        });

        sim.Timeline.After(rng.Between(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(25)), new OrderJourney(order));
        if (channel <= SalesChannels.Ebay && rng.Chance(0.02))
        {
            sim.Timeline.After(rng.Spread(TimeSpan.FromMinutes(5), TimeSpan.FromHours(5)), new CustomerCancellation(order));
        }

        return order;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static OrderLineState[] Basket(Simulation sim, int channel, int? forcedSku, out string? promotionId)
    {
        var rng = sim.Rng;
        var wholesale = channel == SalesChannels.Wholesale;
        var count = wholesale ? 2 + rng.Next(5) : RetailLineCount(rng);
        var topRanks = wholesale ? RunPlan.TradeRange : channel == SalesChannels.Stores ? sim.Plan.StoreRange : sim.Plan.Skus;
        var lead = forcedSku ?? (sim.Promotions.OnChannel(channel) is { } deal && rng.Chance(0.2) ? rng.Pick(deal.Skus) : -1);

        var skus = new List<int>(count);
        if (lead >= 0)
        {
            skus.Add(lead);
        }

        for (var attempt = 0; skus.Count < count && attempt < count * 4; attempt++)
        {
            var sku = sim.Assortment.DrawSku(rng, topRanks);
            if (!skus.Contains(sku))
            {
                skus.Add(sku);
            }
        }

        promotionId = null;
        var lines = new OrderLineState[skus.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var quantity = wholesale ? 6 * (1 + rng.Next(4)) : RetailQuantity(rng);
            var price = sim.Prices.For(skus[i], channel);
            var discount = 0m;
            if (sim.Promotions.Covering(channel, skus[i]) is { } promotion)
            {
                discount = Money.Cents(price * quantity * promotion.DiscountPercent / 100);
                promotionId ??= promotion.PromotionId;
            }

            lines[i] = new OrderLineState(LineIds[i], skus[i], quantity, price, discount);
        }

        return lines;
    }

    private static int RetailLineCount(Random rng)
    {
        var roll = rng.NextDouble();
        return roll < 0.55 ? 1 : roll < 0.80 ? 2 : roll < 0.92 ? 3 : roll < 0.97 ? 4 : 5;
    }

    private static int RetailQuantity(Random rng)
    {
        var roll = rng.NextDouble();
        return roll < 0.82 ? 1 : roll < 0.95 ? 2 : 3;
    }

    private static decimal Shipping(Random rng, int channel, decimal subtotal) => channel switch
    {
        SalesChannels.Webstore => subtotal >= 60 ? 0 : 4.95m,
        SalesChannels.Ebay => rng.Chance(0.5) ? 3.99m : 0,
        SalesChannels.Wholesale => subtotal >= 500 ? 0 : 35m,
        _ => 0,
    };
}
