using CsCheck;
using Intelligence.Processors.Finance;

namespace Intelligence.Processors.Tests.Finance;

public sealed class ValueSplitTests
{
    [Fact]
    public void Cents_left_over_go_to_the_largest_remainders()
    {
        Assert.Equal(new[] { 3.34m, 3.33m, 3.33m }, ValueSplit.Of(10m, [1m, 1m, 1m]));
        Assert.Equal(new[] { 0.01m, 0m, 0m }, ValueSplit.Of(0.01m, [1m, 1m, 1m]));
        Assert.Equal(new[] { 7.5m, 2.5m }, ValueSplit.Of(10m, [75m, 25m]));
    }

    [Fact]
    public void Zero_weights_share_equally()
    {
        Assert.Equal(new[] { 2m, 2m }, ValueSplit.Of(4m, [0m, 0m]));
    }

    [Fact]
    public void The_parts_add_up_to_the_amount_and_each_is_within_a_cent_of_its_share()
    {
        Gen.Select(Gen.Int[-100_000, 100_000], Gen.Int[0, 50_000].List[1, 8]).Sample((cents, weights) =>
        {
            var amount = cents / 100m;
            var values = weights.Select(w => (decimal)w).ToList();
            var parts = ValueSplit.Of(amount, values);
            var total = values.Sum();
            var shares = values.Select(v => total > 0 ? amount * v / total : amount / values.Count).ToList();
            return parts.Sum() == amount
                && parts.All(p => p == 0m || Math.Sign(p) == Math.Sign(amount))
                && parts.Zip(shares).All(p => Math.Abs(p.First - p.Second) < 0.01m);
        }, iter: 2_000);
    }
}
