using System.Globalization;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// What a channel should show when its sell rate threatens its ATS. A listing change takes
/// <c>ListingSyncHours</c> to reach the channel, and in that time it goes on selling at its rate, so:
/// <c>exposure = max(0, channel ATS − ⌈rate × ListingSyncHours⌉)</c> and
/// <c>buffer% = 100 × (pool − exposure) ÷ pool</c> (100 when the pool is empty).
/// </summary>
public sealed record ExposureAdvice(int Exposure, double BufferPercent, string Reasoning)
{
    public static ExposureAdvice For(
        string sku, string channel, string? promotionId, ChannelAllocation share, double ratePerHour, double hoursOfCover,
        ChannelAllocationOptions options)
    {
        var duringSync = (int)Math.Ceiling(ratePerHour * options.ListingSyncHours);
        var exposure = Math.Max(0, share.Ats - duringSync);
        var buffer = share.Pool > 0 ? Math.Round(100.0 * (share.Pool - exposure) / share.Pool, 1) : 100;
        var demand = promotionId is null ? "" : $" under promotion {promotionId}";
        var reasoning = string.Create(CultureInfo.InvariantCulture,
            $"{channel} is selling {ratePerHour:0.##} units/h of {sku}{demand} against a channel ATS of {share.Ats} " +
            $"(pool {share.Pool}, buffer {share.Buffer}, protected {share.ProtectedUnits}): {hoursOfCover:0.#} h of cover, under the " +
            $"{options.ExposureCoverHours:0.#} h threshold. A listing change takes about {options.ListingSyncHours:0.##} h to reach the " +
            $"channel, in which it would sell about {duringSync} more units, so show at most {exposure} units " +
            $"(a {buffer:0.#}% buffer on the pool) so that it cannot sell stock it will not have.");
        return new ExposureAdvice(exposure, buffer, reasoning);
    }
}
