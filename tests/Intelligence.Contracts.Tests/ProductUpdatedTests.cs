using System.Text.Json.Nodes;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Validation;
using Intelligence.Testing;

namespace Intelligence.Contracts.Tests;

/// <summary><c>product.updated</c> carries everything a SKU is joined with, so none of it may be missing or absurd.</summary>
public sealed class ProductUpdatedTests
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), TimeProvider.System);

    private static ReadOutcome Read(Action<JsonObject> edit) =>
        Reader.Read(EventBuilder.Of(EventTypes.ProductUpdated).From("pim").WithKey("SKU-1").Edit(j => edit(j["payload"]!.AsObject())).Build(), SamplePayloads.Now);

    [Fact]
    public void A_full_product_record_is_accepted_with_every_field()
    {
        var accepted = Read(_ => { }).Accepted!;

        var product = Assert.IsType<ProductUpdated>(accepted.Payload);
        Assert.Equal(("SKU-1", "pim"), (accepted.Key, accepted.Source));
        Assert.Equal(
            ("SKU-1", "Oak Side Table", "home", "SUP-01", 8.5m, 19.99m, "EUR"),
            (product.Sku, product.Name, product.Category, product.SupplierId, product.UnitCost, product.Price, product.Currency));
    }

    [Fact]
    public void A_free_sample_at_zero_cost_is_accepted()
    {
        Assert.True(Read(p => p["unitCost"] = 0).IsAccepted);
    }

    public static TheoryData<string, string, RejectReason> Refusals() => new()
    {
        { "sku", "missing", RejectReason.MissingField },
        { "name", "missing", RejectReason.MissingField },
        { "category", "missing", RejectReason.MissingField },
        { "category", "blank", RejectReason.InvalidValue },
        { "supplierId", "missing", RejectReason.MissingField },
        { "unitCost", "missing", RejectReason.MissingField },
        { "unitCost", "negative", RejectReason.InvalidValue },
        { "price", "missing", RejectReason.MissingField },
        { "price", "zero", RejectReason.InvalidValue },
        { "price", "negative", RejectReason.InvalidValue },
        { "currency", "missing", RejectReason.MissingField },
        { "currency", "not ISO 4217", RejectReason.InvalidValue },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_product_record_with_a_missing_or_impossible_field_is_refused_naming_it(string field, string fault, RejectReason expected)
    {
        var outcome = Read(payload =>
        {
            switch (fault)
            {
                case "missing":
                    payload.Remove(field);
                    break;
                case "blank":
                    payload[field] = "  ";
                    break;
                case "zero":
                    payload[field] = 0;
                    break;
                case "negative":
                    payload[field] = -1.5m;
                    break;
                default:
                    payload[field] = "euro";
                    break;
            }
        });

        Assert.False(outcome.IsAccepted, $"{field} {fault} was accepted");
        Assert.Equal(expected, outcome.Rejection!.Reason);
        Assert.Contains($"payload.{field}", outcome.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_product_master_does_not_define_is_refused()
    {
        var outcome = Read(p => p["colour"] = "oak");

        Assert.Equal(RejectReason.UnknownField, outcome.Rejection!.Reason);
    }
}
