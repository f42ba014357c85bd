using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class RecordFormatTests
{
    private static readonly Topology Topology = new(
        [new ProductFold(), new ExceptionLog()], [new PurchaseCostRouter()]);

    [Fact]
    public void A_row_is_its_snake_case_json_keyed_by_table_and_row_key()
    {
        var row = new ProductRow("SKU-1", "Lamp", "home", "SUP-1", 10m, 10.5m, 0.5m, 25m, 40, TestEvents.T0) { Revision = 3 };

        var json = JsonNode.Parse(RowRecords.ValueOf(row))!.AsObject();

        Assert.Equal("products|SKU-1", RowRecords.KeyOf(row, "ignored"));
        Assert.Equal("kpi_minute|SKU-1", RowRecords.KeyOf(KpiCount.Of("m", "e", TestEvents.T0, 1), "SKU-1"));
        Assert.Equal(10.5m, (decimal)json["landed_cost"]!);
        Assert.Equal(3, (long)json["revision"]!);
        Assert.False(json.ContainsKey("table") || json.ContainsKey("row_key") || json.ContainsKey("Table"), json.ToJsonString());
    }

    [Fact]
    public void A_payload_and_a_signal_read_back_as_they_were_sent()
    {
        var bodies = new BodyTypes(Topology);
        var raised = new ExceptionRaised("oversell:SKU-1@DC", ExceptionCategories.Oversell, "stock", "SKU-1@DC",
            new ExceptionContext(Sku: "SKU-1", OrderValue: 12.5m, Risk: double.NaN), "short by 3");
        var product = new ProductUpdated { Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "S", UnitCost = 1m, Price = 2m, Currency = "EUR" };

        foreach (var body in new object[] { raised, product })
        {
            var sent = new Message("key-1", TestEvents.T0, "evt-1", "webstore", TestEvents.T0.AddMinutes(-3), body);

            var read = MessageRecord.Read(MessageRecord.Write(sent), "key-1", bodies);

            Assert.Null(read.Problem);
            var message = read.Message!.Value;
            Assert.Equal((sent.Key, sent.At, sent.EventId, sent.Source, sent.StreamTime), (message.Key, message.At, message.EventId, message.Source, message.StreamTime));
            Assert.Equal(body.GetType(), message.Body.GetType());
            Assert.Equal(Encoding.UTF8.GetString(MessageRecord.Write(sent)), Encoding.UTF8.GetString(MessageRecord.Write(message)));
        }
    }

    [Fact]
    public void A_marker_reads_as_stream_time_only()
    {
        var read = MessageRecord.Read(MessageRecord.StreamTimeMarker(TestEvents.T0), null, new BodyTypes(Topology));

        Assert.Equal((TestEvents.T0, (Message?)null, (string?)null), (read.Marker, read.Message, read.Problem));
    }

    [Fact]
    public void No_bytes_make_a_message_record_throw()
    {
        var bodies = new BodyTypes(Topology);
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var read = MessageRecord.Read(bytes, "k", bodies);
            return read.Message is not null || read.Marker is not null || read.Problem is not null;
        }, iter: 2_000);
    }

    [Fact]
    public void A_unit_cost_signal_survives_the_messages_topic_with_its_exact_decimal()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.Decimal[0.0001m, 100_000m]).Sample((quantity, cost) =>
        {
            var sent = new Message("SKU-1", TestEvents.T0, "e", "s", TestEvents.T0, new UnitCostQuoted("SKU-1", quantity, cost, "PO-1"));
            var read = MessageRecord.Read(MessageRecord.Write(sent), "SKU-1", new BodyTypes(Topology)).Message!.Value;
            return read.Body.Equals(sent.Body);
        });
    }

    private sealed class ExceptionLog : Fold<ExceptionLog.State>
    {
        public override string Name => "exception-log";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ExceptionRaised)];

        protected override void Apply(State state, in Message message, IOutputs outputs) => state.Count++;

        public sealed class State : FoldState
        {
            public int Count { get; set; }
        }
    }
}
