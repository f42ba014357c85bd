namespace Intelligence.Processors.Flow;

/// <summary>
/// When each (fold, key) next wants a tick, ordered so the earliest fires first (ties by fold, then key).
/// Derived, not stored: a due time is a pure function of the key's state, so a runtime rebuilds it from its stores.
/// </summary>
public sealed class Timers
{
    private readonly SortedSet<(DateTimeOffset Due, int Fold, string Key)> _queue = new(Order.Instance);
    private readonly Dictionary<(int Fold, string Key), DateTimeOffset> _due = [];

    public int Count => _due.Count;

    public void Set(int fold, string key, DateTimeOffset? due)
    {
        if (_due.TryGetValue((fold, key), out var current))
        {
            if (due == current)
            {
                return;
            }

            _queue.Remove((current, fold, key));
            _due.Remove((fold, key));
        }

        if (due is { } at)
        {
            _due[(fold, key)] = at;
            _queue.Add((at, fold, key));
        }
    }

    /// <summary>
    /// Sets the key's timer from its state: at its tick while one is due (exactly), else at its
    /// retirement. A retirement only moves later as the key is touched, so an earlier timer already
    /// set is kept: when it fires, the runtime finds the key not yet retirable and arms it again
    /// (<see cref="FoldStep.OnTimer"/>). That keeps a busy finished key from moving in the queue on every message.
    /// </summary>
    public void Arm(int fold, string key, IFold f, FoldState state)
    {
        if (f.DueAt(state) is { } due)
        {
            Set(fold, key, due);
        }
        else if (f.RetireAt(state) is not { } retire)
        {
            Set(fold, key, null);
        }
        else if (!_due.TryGetValue((fold, key), out var current) || current > retire)
        {
            Set(fold, key, retire);
        }
    }

    public bool TryTakeDue(DateTimeOffset now, out DateTimeOffset due, out int fold, out string key)
    {
        if (_queue.Count > 0 && _queue.Min.Due <= now)
        {
            (due, fold, key) = _queue.Min;
            _queue.Remove(_queue.Min);
            _due.Remove((fold, key));
            return true;
        }

        (due, fold, key) = (default, -1, "");
        return false;
    }

    private sealed class Order : IComparer<(DateTimeOffset Due, int Fold, string Key)>
    {
        public static readonly Order Instance = new();

        public int Compare((DateTimeOffset Due, int Fold, string Key) x, (DateTimeOffset Due, int Fold, string Key) y)
        {
            var byDue = x.Due.CompareTo(y.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byFold = x.Fold.CompareTo(y.Fold);
            return byFold != 0 ? byFold : string.CompareOrdinal(x.Key, y.Key);
        }
    }
}
