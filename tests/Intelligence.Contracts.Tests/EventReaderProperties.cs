using System.Text;
using CsCheck;
using Intelligence.Contracts;
using Intelligence.Testing;

namespace Intelligence.Contracts.Tests;

/// <summary>Whatever arrives, the reader answers with an event or a reason; it never throws.</summary>
public sealed class EventReaderProperties
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), TimeProvider.System);

    [Fact]
    public void Random_bytes_are_answered_never_thrown()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var outcome = Reader.Read(bytes, SamplePayloads.Now);
            return outcome.IsAccepted || outcome.Rejection is not null;
        }, iter: 5_000);
    }

    [Fact]
    public void Valid_events_with_one_byte_changed_are_answered_never_thrown()
    {
        var valid = EventTypes.All.Select(t => EventBuilder.Of(t).Build()).ToArray();
        var gen = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 10_000], Gen.Byte);
        gen.Sample((which, at, value) =>
        {
            var bytes = (byte[])valid[which].Clone();
            bytes[at % bytes.Length] = value;
            var outcome = Reader.Read(bytes, SamplePayloads.Now);
            return outcome.IsAccepted ^ (outcome.Rejection is not null);
        }, iter: 5_000);
    }

    [Fact]
    public void Truncated_events_are_always_rejected_as_malformed()
    {
        var valid = EventBuilder.Of(EventTypes.OrderPlaced).Build();
        Gen.Int[1, valid.Length - 2].Sample(cut =>
        {
            var outcome = Reader.Read(valid.AsSpan(0, cut), SamplePayloads.Now);
            return outcome.Rejection?.Reason == Validation.RejectReason.MalformedJson;
        });
    }

    [Fact]
    public void Text_fields_with_any_string_are_accepted_or_rejected_with_a_reason()
    {
        Gen.String.Sample(text =>
        {
            var bytes = EventBuilder.Of(EventTypes.StockAdjusted).Edit(j => j["payload"]!["sku"] = text).Build();
            var outcome = Reader.Read(bytes, SamplePayloads.Now);
            var printable = text.Length is > 0 and <= 256 && !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsControl);
            return outcome.IsAccepted == printable;
        }, iter: 2_000);
        _ = Encoding.UTF8;
    }
}
