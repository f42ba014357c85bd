using System.Text;
using System.Text.Json;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class AlertsTopicTests
{
    [Fact]
    public void Alert_notices_go_to_the_alerts_topic_keyed_by_alert_id_as_well_as_to_the_outputs()
    {
        using var run = new TestDriverRun(new Topology([new AlertFold(new AlertOptions())], []));
        const string alertId = "demand_spike:channel:webstore";
        var at = TestEvents.T0;
        var report = new IncidentReported(
            alertId, "demand_spike", "anomaly", "high", "planning", "units_ordered", "channel:webstore", 412, 96, 9.1, 0.9,
            "channel:webstore: promotion:PROMO-FLASH-01 300 (usually 0)", ["channel:webstore", "promotion:PROMO-FLASH-01"],
            "Cap the exposure.", "412 units in the hour", "robust");

        run.SendMessage(alertId, MessageRecord.Write(new Message(alertId, at, "e-1", "test", at, report)), at);
        run.SendMessage(alertId, MessageRecord.Write(new Message(alertId, at.AddHours(1), "e-2", "test", at.AddHours(1), new IncidentCleared(alertId, "back_to_normal"))), at.AddHours(1));

        var alerts = run.Read(run.Options.AlertsTopic);
        Assert.Equal([alertId, alertId], alerts.Select(a => a.Key));
        var notices = alerts.Select(a => JsonDocument.Parse(Encoding.UTF8.GetString(a.Value)).RootElement).ToList();
        Assert.Equal(["opened", "resolved"], notices.Select(n => n.GetProperty("change").GetString()));
        Assert.Equal($"{alertId}#1.1", notices[0].GetProperty("notice_id").GetString());
        Assert.Equal("promotion:PROMO-FLASH-01", notices[0].GetProperty("cause_entities")[1].GetString());
        Assert.Equal(2, run.Rows.Count(r => r.Table == AlertNotice.TableName));
    }
}
