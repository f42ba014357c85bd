using Intelligence.Processors.Alerts;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting.Tests;

public sealed class ConsoleChannelTests
{
    private static async Task<CapturedLog> WriteAsync(params AlertNotice[] notices)
    {
        var log = new CapturedLog();
        await using var dispatcher = new AlertDispatcher(TestAlerting.Options(TestAlerting.Console("log")), log);
        dispatcher.Offer(notices);
        await dispatcher.CompleteAsync(TestAlerting.Bound).WaitAsync(TestAlerting.Bound);
        return log;
    }

    private static CapturedLog.LogLine AlertLine(CapturedLog log) =>
        Assert.Single(log.Lines, l => l.Category == "Intelligence.Alerting.ConsoleChannel");

    [Fact]
    public async Task A_notice_is_one_readable_line_at_a_level_that_follows_its_severity()
    {
        var log = await WriteAsync(NoticeBuilder.Notice());

        var line = AlertLine(log);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("ALERT opened [high] demand_spike units_ordered channel:amazon: 412 vs 96 expected (+8.3σ); "
            + "cause: promotion PROMO-FLASH-01; next: check stock cover for the promoted SKUs; team: planners; "
            + "notice demand_spike:channel:amazon#1.0", line.Message);
    }

    [Fact]
    public async Task An_operational_notice_reads_without_a_deviation_and_names_its_cause_entities_when_it_has_no_cause_text()
    {
        var notice = NoticeBuilder.Notice(severity: "critical", kind: "sla_breach", change: AlertChanges.Escalated) with
        {
            Metric = "hours_to_ship", Value = 52.5, Expected = 24, Deviation = 0, Cause = "", CauseEntities = ["carrier:DHL", "dc:DC-01"],
        };

        var line = AlertLine(await WriteAsync(notice));

        Assert.Equal(LogLevel.Error, line.Level);
        Assert.StartsWith("ALERT escalated [critical] sla_breach hours_to_ship channel:amazon: 52.5 vs 24 expected; "
            + "cause: carrier:DHL, dc:DC-01; next:", line.Message, StringComparison.Ordinal);
    }
}
