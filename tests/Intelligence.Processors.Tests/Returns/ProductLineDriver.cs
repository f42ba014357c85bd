using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Returns;

/// <summary>
/// Drives the product-line returns fold of one line (<c>home</c>) directly with <see cref="ReturnsEntry"/>
/// signals, day by day, keeping what it writes and sends. Stream time follows the entries, as the engine's would.
/// </summary>
public sealed class ProductLineDriver(ReturnsOptions options) : IOutputs
{
    public const string Line = "home";

    private readonly ProductLineReturnsFold _fold = new(options);
    private readonly Dictionary<int, int> _delivered = [];
    private DateTimeOffset _streamTime = DateTimeOffset.MinValue;

    public ProductLineReturnsState State { get; } = new();

    public List<OutputRow> Rows { get; } = [];

    /// <summary>The exception signals the fold sent (its KPI observations for anomaly scoring are in <see cref="Observed"/>).</summary>
    public List<ISignal> Sent { get; } = [];

    public List<KpiObserved> Observed { get; } = [];

    public ProductLineReturnsRow Latest => Rows.OfType<ProductLineReturnsRow>().Last();

    public static DateTimeOffset Day(int day) => new DateTimeOffset(FoldHarness.T0.UtcDateTime.Date, TimeSpan.Zero).AddDays(day);

    /// <summary>
    /// One day in a world where customers ask back <paramref name="rate"/> of what they got, spread over
    /// the following days as the lag profile says: the returns of the day are the rate times the
    /// deliveries due back on it.
    /// </summary>
    public ProductLineDriver Run(int day, int delivered, double rate, string reason = "changed_mind", string sku = "SKU-1")
    {
        _delivered[day] = delivered;
        var profile = options.ReturnLagProfile;
        var due = Enumerable.Range(0, profile.Length).Sum(k => profile[k] * _delivered.GetValueOrDefault(day - k));
        return RunUnits(day, delivered, (int)Math.Round(rate * due), reason, sku);
    }

    /// <summary>One day: the units delivered just after midnight, the units returned (for one reason and SKU) just before the next.</summary>
    public ProductLineDriver RunUnits(int day, int delivered, int returned, string reason = "changed_mind", string sku = "SKU-1")
    {
        _delivered[day] = delivered;
        Apply(Day(day).AddMinutes(1), new ReturnsEntry(Line, sku, "SUP-1", "webstore", delivered, 0, null));
        Apply(Day(day).AddHours(24).AddMinutes(-1), new ReturnsEntry(Line, sku, "SUP-1", "webstore", 0, returned, reason));
        return this;
    }

    public ProductLineDriver Apply(DateTimeOffset at, ReturnsEntry entry)
    {
        State.Revision++;
        _fold.Apply(State, new Message(Line, at, $"evt-{State.Revision}", "test", _streamTime, entry), this);
        _streamTime = at > _streamTime ? at : _streamTime;
        return this;
    }

    public void Send(string key, ISignal signal)
    {
        if (signal is KpiObserved observed)
        {
            Observed.Add(observed);
        }
        else
        {
            Sent.Add(signal);
        }
    }

    public void Write(OutputRow row) => Rows.Add(row);
}
