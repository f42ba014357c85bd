namespace Intelligence.Processors.Streamiz;

/// <summary>
/// When each (fold, key) of a task next wants a tick, earliest first (ties by fold, then key: the
/// embedded engine's order). It is derived, not stored: a key's due time is a pure function of its
/// state, so a task rebuilds it from its stores when it starts, and the stores stay the one truth.
/// </summary>
internal sealed class DueTimers
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
