using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// One observation of a scored KPI, sent by the fold that saw it to the KPI's series under
/// <see cref="KeyOf"/> (<c>family|entity</c>). A bucket's value is the sum, last, mean or ratio of its
/// observations, as the family says; <see cref="Weight"/> is the denominator of a ratio (1 otherwise).
/// <see cref="Drivers"/> say what the observation was made of (<c>promotion:PROMO-FLASH-01</c>,
/// <c>sku:SKU-00017</c>), so that an alert can name what moved.
/// </summary>
public sealed record KpiObserved(
    string Family, string Entity, double Value, double Weight = 1, IReadOnlyList<KpiDriver>? Drivers = null, string? Note = null) : ISignal
{
    public static string KeyOf(string family, string entity) => $"{family}|{entity}";

    /// <summary>Sends the observation to its series.</summary>
    public void SendTo(IOutputs outputs) => outputs.Send(KeyOf(Family, Entity), this);
}

/// <summary>A part of an observation: what (<c>kind:id</c>) and how much of the value it brought.</summary>
public sealed record KpiDriver(string Entity, double Value);
