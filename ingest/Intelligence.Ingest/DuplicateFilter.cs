namespace Intelligence.Ingest;

/// <summary>
/// Remembers the ids of the most recent accepted events (a bounded window of the last
/// <c>capacity</c> claims, oldest forgotten first; a released claim holds its place empty) so that a re-sent event is dropped and counted rather than stored twice. An id is pending from
/// its claim until its event is logged (confirmed) or fails to be (released); a copy that arrives
/// meanwhile waits for that outcome instead of being called a duplicate of an event that may never
/// be stored.
/// </summary>
public sealed class DuplicateFilter(int capacity)
{
    private readonly Lock _gate = new();

    // Each remembered id with the number of its claim; the claims in order in a ring (the oldest at
    // _oldest), where a released id leaves an empty slot. The ring grows to the capacity and no further,
    // so a full window costs a slot and a dictionary entry per id besides the id itself.
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private string?[] _claims = [];
    private long _oldest;
    private long _next;

    // Ids whose events are being logged now, with a signal for copies waiting on the outcome.
    private readonly Dictionary<string, TaskCompletionSource?> _pending = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>The ids remembered, oldest first (for a checkpoint: no id may be pending then).</summary>
    public IReadOnlyList<string> Remembered()
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                throw new InvalidOperationException($"{_pending.Count} ids are still being logged: the window is not settled.");
            }

            var ids = new List<string>(_seen.Count);
            for (var n = _oldest; n < _next; n++)
            {
                if (_claims[n % _claims.Length] is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }

    /// <summary>Remembers ids logged before (a checkpoint's, oldest first), as if each had been claimed and confirmed.</summary>
    public void Remember(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (TryClaim(id).Status == ClaimStatus.Claimed)
            {
                Confirm(id);
            }
        }
    }

    /// <summary>Claims the id for logging, or says it was logged already, or that another copy is being logged now.</summary>
    public Claim TryClaim(string id)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var settled))
            {
                if (settled is null)
                {
                    _pending[id] = settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return new Claim(ClaimStatus.InFlight, settled.Task);
            }

            if (_seen.ContainsKey(id))
            {
                return new Claim(ClaimStatus.Duplicate, Task.CompletedTask);
            }

            Append(id);
            _pending[id] = null;

            return new Claim(ClaimStatus.Claimed, Task.CompletedTask);
        }
    }

    /// <summary>The claimed id's event is in the log: copies are duplicates from now on.</summary>
    public void Confirm(string id) => Settle(id, forget: false);

    /// <summary>The claimed id's event could not be logged: forget it, so that a copy or a retry is taken.</summary>
    public void Release(string id) => Settle(id, forget: true);

    private void Settle(string id, bool forget)
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            _pending.Remove(id, out waiting);
            if (forget && _seen.Remove(id, out var claim))
            {
                _claims[claim % _claims.Length] = null;
            }
        }

        waiting?.TrySetResult();
    }

    private void Append(string id)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (_next - _oldest == _claims.Length)
        {
            if (_claims.Length < capacity)
            {
                Grow();
            }
            else
            {
                ForgetOldest();
            }
        }

        _claims[_next % _claims.Length] = id;
        _seen[id] = _next++;
    }

    private void Grow()
    {
        var larger = new string?[(int)Math.Min(capacity, Math.Max(16L, _claims.Length * 2L))];
        for (var n = _oldest; n < _next; n++)
        {
            larger[n % larger.Length] = _claims[n % _claims.Length];
        }

        _claims = larger;
    }

    private void ForgetOldest()
    {
        var slot = _oldest % _claims.Length;
        if (_claims[slot] is { } id)
        {
            _seen.Remove(id);
            _claims[slot] = null;
        }

        _oldest++;
    }
}

public enum ClaimStatus
{
    Claimed,
    Duplicate,
    InFlight,
}

/// <summary>The answer to a claim; for <see cref="ClaimStatus.InFlight"/>, <see cref="Settled"/> completes when the other copy's fate is known.</summary>
public readonly record struct Claim(ClaimStatus Status, Task Settled);
