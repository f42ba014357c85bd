using System.Runtime.InteropServices;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// How a count and the movements around it settle on hand, whatever order they arrive in: a count
/// replaces on hand as of its event time; a movement at or before the last count is already in it; a
/// count that arrives after movements later than itself is re-based on them, as long as the journal
/// still holds them (the grace period); an older count stands as counted.
/// </summary>
public static class CountJournal
{
    /// <summary>Forgets movements older than the grace period before <paramref name="now"/>: no count that old can be re-based.</summary>
    public static void Forget(StockPosition position, DateTimeOffset now, TimeSpan grace)
    {
        var horizon = now - grace;
        if (horizon > position.JournalFrom)
        {
            position.JournalFrom = horizon;
            position.Journal = TimedUnits.ForgetThrough(position.Journal, horizon);
        }
    }

    /// <summary>Moves on hand by <paramref name="delta"/> unless the last count already holds the movement; true when it moved.</summary>
    public static bool Move(StockPosition position, DateTimeOffset at, int delta)
    {
        if (at <= position.LastCountAt)
        {
            return false;
        }

        position.OnHand += delta;
        if (delta != 0 && at > position.JournalFrom)
        {
            position.Journal = TimedUnits.Add(position.Journal, at, delta);
        }

        return true;
    }

    /// <summary>Applies a count taken at <paramref name="at"/>; the outcome says how, the variance how far the book was out.</summary>
    public static (CountOutcome Outcome, int Variance) Count(StockPosition position, DateTimeOffset at, int counted)
    {
        if (at < position.LastCountAt)
        {
            return (CountOutcome.Superseded, 0);
        }

        var before = position.OnHand;
        CountOutcome outcome;
        if (at >= position.JournalFrom)
        {
            var since = 0;
            var later = 0;
            foreach (var entry in CollectionsMarshal.AsSpan(position.Journal))
            {
                if (entry.At > at)
                {
                    since += entry.Units;
                    later++;
                }
            }

            position.OnHand = counted + since;
            outcome = later > 0 ? CountOutcome.Rebased : CountOutcome.Applied;
        }
        else
        {
            position.OnHand = counted;
            outcome = CountOutcome.PastGrace;
        }

        position.LastCountAt = at;
        position.Journal = TimedUnits.ForgetThrough(position.Journal, at);
        return (outcome, position.OnHand - before);
    }
}

/// <summary>What a count did to on hand.</summary>
public enum CountOutcome
{
    /// <summary>The count replaced on hand; nothing later had moved it.</summary>
    Applied,

    /// <summary>The count arrived after later movements: on hand is the count plus those movements.</summary>
    Rebased,

    /// <summary>The count is older than the journal: on hand is the count as it stands.</summary>
    PastGrace,

    /// <summary>A later count is already applied: this one changes nothing.</summary>
    Superseded,
}
