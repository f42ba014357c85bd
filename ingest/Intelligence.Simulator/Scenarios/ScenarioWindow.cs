namespace Intelligence.Simulator.Scenarios;

/// <summary>When a scenario is in force. Windows are placed relative to the run's span so that they
/// fall inside small runs too.</summary>
internal readonly record struct ScenarioWindow(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Contains(DateTimeOffset at) => at >= StartsAt && at < EndsAt;

    /// <summary>0 at the start of the window, 1 at its end.</summary>
    public double Progress(DateTimeOffset at) =>
        Math.Clamp((at - StartsAt).TotalSeconds / (EndsAt - StartsAt).TotalSeconds, 0, 1);

    /// <summary>The first moment at or after <paramref name="at"/> that falls on the given hour of the day.</summary>
    public static DateTimeOffset NextHour(DateTimeOffset at, int hour) => Engine.Calendar.NextHour(at, hour);
}
