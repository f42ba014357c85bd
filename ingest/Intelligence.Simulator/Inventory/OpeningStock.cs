using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>At the start of the run every fulfilment node books in its best sellers and every store its range.</summary>
internal sealed class OpeningStock : IHappening
{
    public void Happen(Simulation sim)
    {
        var plan = sim.Plan;
        var byRank = sim.Assortment.ByRank;
        for (var rank = 0; rank < plan.OpeningSkus; rank++)
        {
            for (var node = 0; node < Assortment.OnlineNodes; node++)
            {
                sim.Stock.Open(byRank[rank], node);
            }
        }

        for (var rank = 0; rank < plan.StoreRange; rank++)
        {
            for (var store = Assortment.FirstStore; store < plan.Locations; store++)
            {
                sim.Stock.Open(byRank[rank], store);
            }
        }
    }
}
