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
    // Entries are never moved: re-arming a key adds a new entry and leaves the old one to be skipped when
    // it comes up (its generation is no longer the key's). No tree nodes, no removal from the middle.
    private readonly PriorityQueue<Armed, Armed> _queue = new(Order.Instance);

    // Each fold's armed keys, their due times and generations, by the fold's index.
    private readonly List<Dictionary<string, (DateTimeOffset Due, long Generation)>> _due = [];
    private readonly List<(Armed, Armed)> _rebuild = [];
    private long _generation;
    private int _armed;

    /// <summary>How many keys are armed.</summary>
    public int Count => _armed;

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
            if (due == current.Due)
            {
                return;
            }

            if (due is { } later)
            {
                current = (later, ++_generation);
                Enqueue(later, fold, key, current.Generation);
                return;
            }

            byKey.Remove(key);
            _armed--;
            DropStaleEntries();
            return;
        }

        if (due is { } at)
        {
            byKey.Add(key, (at, ++_generation));
            _armed++;
            Enqueue(at, fold, key, _generation);
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
        else if (!DueOf(fold).TryGetValue(key, out var current) || current.Due > retire)
        {
            Set(fold, key, retire);
        }
    }

    public bool TryTakeDue(DateTimeOffset now, out DateTimeOffset due, out int fold, out string key)
    {
        while (_queue.TryPeek(out var next, out _) && next.Due <= now)
        {
            _queue.Dequeue();
            if (IsLive(next))
            {
                _due[next.Fold].Remove(next.Key);
                _armed--;
                (due, fold, key) = (next.Due, next.Fold, next.Key);
                return true;
            }
        }

        (due, fold, key) = (default, -1, "");
        return false;
    }

    private bool IsLive(in Armed entry) =>
        _due[entry.Fold].TryGetValue(entry.Key, out var current) && current.Generation == entry.Generation;

    private void Enqueue(DateTimeOffset due, int fold, string key, long generation)
    {
        var entry = new Armed(due, fold, key, generation);
        _queue.Enqueue(entry, entry);
        DropStaleEntries();
    }

    /// <summary>Rebuilds the queue from the live keys once stale entries outnumber them, so it stays within twice the armed keys.</summary>
    private void DropStaleEntries()
    {
        if (_queue.Count <= 1024 || _queue.Count <= 2 * _armed)
        {
            return;
        }

        _rebuild.Clear();
        for (var fold = 0; fold < _due.Count; fold++)
        {
            foreach (var (key, (due, generation)) in _due[fold])
            {
                var entry = new Armed(due, fold, key, generation);
                _rebuild.Add((entry, entry));
            }
        }

        _queue.Clear();
        _queue.EnqueueRange(_rebuild);
        _rebuild.Clear();
    }

    private Dictionary<string, (DateTimeOffset Due, long Generation)> DueOf(int fold)
    {
        while (_due.Count <= fold)
        {
            _due.Add(new Dictionary<string, (DateTimeOffset, long)>(StringComparer.Ordinal));
        }

        return _due[fold];
    }

    private static bool Overrides(IFold fold, string method)
    {
        var found = fold.GetType().GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic, [fold.StateType]);
        return found?.DeclaringType is not { IsGenericType: true } declaring || declaring.GetGenericTypeDefinition() != typeof(Fold<>);
    }

    /// <summary>One arming of a key: stale once the key is armed again (a later generation) or disarmed.</summary>
    private readonly record struct Armed(DateTimeOffset Due, int Fold, string Key, long Generation);

    private sealed class Order : IComparer<Armed>
    {
        public static readonly Order Instance = new();

        public int Compare(Armed x, Armed y)
        {
            var byDue = x.Due.CompareTo(y.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byFold = x.Fold.CompareTo(y.Fold);
            if (byFold != 0)
            {
                return byFold;
            }

            var byKey = string.CompareOrdinal(x.Key, y.Key);
            return byKey != 0 ? byKey : x.Generation.CompareTo(y.Generation);
        }
    }
}
