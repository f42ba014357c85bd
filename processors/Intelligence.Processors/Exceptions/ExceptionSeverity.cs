namespace Intelligence.Processors.Exceptions;

/// <summary>The severity ladder of the exception queue, lowest first; escalation climbs it one step at a time.</summary>
public static class ExceptionSeverity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> Levels = [Low, Medium, High, Critical];

    public static bool IsLevel(string? severity) => severity is not null && Levels.Contains(severity);

    /// <summary>The severity <paramref name="steps"/> up (or down, when negative) the ladder, kept between low and critical.</summary>
    public static string Step(string severity, int steps)
    {
        var rank = Rank(severity);
        return Levels[Math.Clamp(rank + steps, 0, Levels.Count - 1)];
    }

    /// <summary>0 for low to 3 for critical; an unknown word counts as medium.</summary>
    public static int Rank(string severity)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i], severity, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 1;
    }
}
