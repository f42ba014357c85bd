using System.Globalization;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Tests.Support;

/// <summary>
/// A log of every kind of record over several partitions, with what each table must hold once the
/// sink has stored it: the figures exactly-once is checked against.
/// </summary>
public sealed class MixedInput
{
    private MixedInput(FakeKafkaLog log, int events, double kpiSum, int kpiSamples, int exceptions, int deadLetters)
    {
        Log = log;
        Events = events;
        KpiSum = kpiSum;
        KpiSamples = kpiSamples;
        Exceptions = exceptions;
        DeadLetters = deadLetters;
    }

    public FakeKafkaLog Log { get; }

    public int Events { get; }

    public double KpiSum { get; }

    public int KpiSamples { get; }

    public int Exceptions { get; }

    public int DeadLetters { get; }

    public IReadOnlyList<PartitionId> Partitions => Log.Partitions;

    public static MixedInput Make(int records, int partitions = 3, int? markerEvery = null)
    {
        var log = TopicRecords.NewLog(partitions, markerEvery);
        double kpi = 0;
        var exceptions = 0;
        var letters = 0;
        for (var i = 0; i < records; i++)
        {
            log.Event(i % partitions, $"evt-{i}");
            var value = (i % 4) + 0.5;
            log.Kpi((i + 1) % partitions, $"store:{i % 5}", i % 7, value);
            kpi += value;
            if (i % 5 == 0)
            {
                log.ExceptionEvent((i + 2) % partitions, $"exc-{i}", 1);
                exceptions++;
            }

            if (i % 10 == 0)
            {
                log.IngestDeadLetter($"broken-{i}", "not valid JSON at line 1, byte 1");
                letters++;
            }
        }

        return new MixedInput(log, records, kpi, records, exceptions, letters);
    }

    /// <summary>Asserts every record is in its table once: counts, distinct ids and KPI sums.</summary>
    public async Task AssertStoredExactlyOnceAsync(string db)
    {
        Assert.Equal([$"{Events}\t{Events}"], await SinkRun.LinesAsync($"SELECT count(), uniqExact(event_id) FROM {db}.raw_events"));
        Assert.Equal([string.Create(CultureInfo.InvariantCulture, $"{KpiSum}\t{KpiSamples}")],
            await SinkRun.LinesAsync($"SELECT sum(value), sum(samples) FROM {db}.kpi_minute"));
        Assert.Equal([$"{Exceptions}\t{Exceptions}"],
            await SinkRun.LinesAsync($"SELECT count(), uniqExact(exception_id) FROM {db}.exception_events"));
        Assert.Equal([$"{DeadLetters}\t{DeadLetters}"],
            await SinkRun.LinesAsync($"SELECT count(), uniqExact(raw) FROM {db}.dead_letters"));
    }
}
