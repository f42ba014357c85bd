using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Intelligence.Processors.Flow;

/// <summary>
/// When each (fold, key) next wants a tick, ordered so the earliest fires first (ties by fold, then key).
/// Derived, not stored: a due time is a pure function of the key's state, so a runtime rebuilds it from its stores.
/// </summary>
public sealed class Timers
{
    private readonly SortedSet<(DateTimeOffset Due, int Fold, string Key)> _queue = new(Order.Instance);

    // Each fold's armed keys and their due times, by the fold's index.
    private readonly List<Dictionary<string, DateTimeOffset>> _due = [];

    public int Count => _queue.Count;

    /// <summary>
    /// Whether a fold may ever want a tick or retire a key: a <see cref="Fold{TState}"/> that overrides
    /// neither <c>DueAt</c> nor <c>RetireAt</c> never does, so it need not be armed, nor its store scanned
    /// when a runtime rebuilds its timers.
    /// </summary>
    public static bool MayArm(IFold fold) => Overrides(fold, "DueAt") || Overrides(fold, "RetireAt");

    public void Set(int fold, string key, DateTimeOffset? due)
    {
        var byKey = DueOf(fold);
        ref var current = ref CollectionsMarshal.GetValueRefOrNullRef(byKey, key);
        if (!Unsafe.IsNullRef(ref current))
        {
            if (due == current)
            {
                return;
            }

            _queue.Remove((current, fold, key));
            if (due is { } later)
            {
                current = later;
                _queue.Add((later, fold, key));
                return;
            }

            byKey.Remove(key);
            return;
        }

        if (due is { } at)
        {
            byKey.Add(key, at);
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
        else if (!DueOf(fold).TryGetValue(key, out var current) || current > retire)
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
            _due[fold].Remove(key);
            return true;
        }

        (due, fold, key) = (default, -1, "");
        return false;
    }

    private Dictionary<string, DateTimeOffset> DueOf(int fold)
    {
        while (_due.Count <= fold)
        {
            _due.Add(new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal));
        }

        return _due[fold];
    }

    private static bool Overrides(IFold fold, string method)
    {
        var found = fold.GetType().GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic, [fold.StateType]);
        return found?.DeclaringType is not { IsGenericType: true } declaring || declaring.GetGenericTypeDefinition() != typeof(Fold<>);
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
