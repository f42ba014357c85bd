using System.Text;
using Intelligence.Contracts.Validation;
using Intelligence.Testing;

namespace Intelligence.Contracts.Tests;

/// <summary>Inputs that different readers would read differently are refused, not guessed at.</summary>
public sealed class AmbiguousInputTests
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), new FixedClock(SamplePayloads.Now));

    private static ReadOutcome Read(string json) => Reader.Read(Encoding.UTF8.GetBytes(json), SamplePayloads.Now);

    private static string Stock(string from, string to) =>
        EventBuilder.Of(EventTypes.StockReceived).WithId("e-1").BuildString().Replace(from, to, StringComparison.Ordinal);

    [Theory]
    [InlineData("\"id\":\"e-1\"", "\"id\":\"e-1\",\"id\":\"e-2\"", "'id'")]
    [InlineData("\"id\":\"e-1\"", "\"id\":\"e-1\",\"ID\":\"e-2\"", "envelope.ID: the field 'id'")]
    [InlineData("\"quantity\":100", "\"quantity\":1,\"quantity\":100", "'quantity'")]
    public void A_field_named_twice_is_refused_naming_it(string from, string to, string field)
    {
        var outcome = Read(Stock(from, to));

        Assert.Equal(RejectReason.MalformedJson, outcome.Rejection?.Reason);
        Assert.Contains(field, outcome.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-02T11:00:00")]
    [InlineData("2026-11-02T11:00:00.123")]
    public void An_event_time_without_an_offset_is_refused_rather_than_read_in_the_hosts_zone(string time)
    {
        var outcome = Read(Stock("2026-11-02T12:00:00Z", time));

        Assert.Equal(RejectReason.WrongType, outcome.Rejection?.Reason);
        Assert.Contains("offset", outcome.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_time_without_an_offset_is_refused_too()
    {
        var json = EventBuilder.Of(EventTypes.PurchaseOrderCreated)
            .Edit(j => j["payload"]!["promisedAt"] = "2026-11-20T00:00:00").BuildString();

        Assert.Equal(RejectReason.WrongType, Read(json).Rejection?.Reason);
    }

    [Theory]
    [InlineData("2026-11-02T11:00:00Z", "2026-11-02T11:00:00+00:00")]
    [InlineData("2026-11-02T13:00:00+02:00", "2026-11-02T11:00:00+00:00")]
    [InlineData("2026-11-02T06:00:00.5-05:00", "2026-11-02T11:00:00.5+00:00")]
    public void Times_with_an_offset_are_read_as_that_instant(string time, string utc)
    {
        var outcome = Read(Stock("2026-11-02T12:00:00Z", time));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), outcome.Accepted!.OccurredAt);
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_refused_as_an_encoding_problem_naming_the_field()
    {
        var outcome = Read(Stock("\"SKU-1\"", "\"SKU-\\uD800\""));

        Assert.Equal(RejectReason.InvalidEncoding, outcome.Rejection?.Reason);
        Assert.Contains("payload.sku", outcome.Rejection!.Detail, StringComparison.Ordinal);
    }
}
