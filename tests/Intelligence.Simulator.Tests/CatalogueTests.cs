namespace Intelligence.Simulator.Tests;

public class CatalogueTests
{
    private static readonly Catalogue Catalogue = new RetailSimulator(new SimulationOptions()).Catalogue;

    [Fact]
    public void The_network_has_two_dcs_the_stores_and_one_3pl()
    {
        Assert.Equal(["DC-EAST", "DC-WEST"], Catalogue.Locations.Where(l => l.Kind == LocationKind.DistributionCentre).Select(l => l.Id));
        Assert.Equal(["3PL-NORTH"], Catalogue.Locations.Where(l => l.Kind == LocationKind.ThirdPartyLogistics).Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"STORE-{i:D2}"), Catalogue.Locations.Where(l => l.Kind == LocationKind.Store).Select(l => l.Id));
    }

    [Fact]
    public void Skus_have_a_supplier_a_product_line_and_a_margin()
    {
        var suppliers = Catalogue.Suppliers.Select(s => s.Id).ToHashSet();

        Assert.Equal(2_000, Catalogue.Skus.Count);
        Assert.InRange(Catalogue.Categories.Count, 4, 8);
        Assert.All(Catalogue.Skus, s =>
        {
            Assert.Contains(s.SupplierId, suppliers);
            Assert.Contains(s.Category, Catalogue.Categories);
            Assert.True(s.Price > s.UnitCost && s.UnitCost > 0);
        });
        Assert.Equal(Catalogue.Skus.Count, Catalogue.Skus.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Customers_come_in_tiers()
    {
        Assert.Equal(50_000, Catalogue.Customers.Count);
        Assert.Equal(["gold", "platinum", "silver", "standard", "trade"], Catalogue.Customers.Select(c => c.Tier).Distinct().Order());
        Assert.Equal(Intelligence.Contracts.Vocabulary.Channels.Order(), Catalogue.Channels.Order());
    }

    [Theory]
    [InlineData(Scenario.FlashPromotion, "flash-promotion")]
    [InlineData(Scenario.SupplierSlippage, "supplier-slippage")]
    [InlineData(Scenario.ThreePlBacklog, "3pl-backlog")]
    [InlineData(Scenario.HighReturnRate, "high-return-rate")]
    public void Scenario_names_round_trip(Scenario scenario, string name)
    {
        Assert.Equal(name, scenario.ToName());
        Assert.True(ScenarioNames.TryParse(name, out var parsed));
        Assert.Equal(scenario, parsed);
        Assert.False(ScenarioNames.TryParse("black-friday", out _));
    }

    [Fact]
    public void Impossible_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetailSimulator(new SimulationOptions { BadInput = new BadInputOptions { Malformed = 1.5 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetailSimulator(new SimulationOptions { BadInput = new BadInputOptions { Malformed = 0.6, Duplicates = 0.6 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetailSimulator(new SimulationOptions { Events = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetailSimulator(new SimulationOptions { Stores = 0 }));
    }
}
