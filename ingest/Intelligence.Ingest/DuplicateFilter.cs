namespace Intelligence.Ingest;

/// <summary>
/// Remembers the ids of the most recent accepted events (a bounded window, oldest forgotten first)
/// so that a re-sent event is dropped and counted rather than stored twice. An id is pending from
/// its claim until its event is logged (confirmed) or fails to be (released); a copy that arrives
/// meanwhile waits for that outcome instead of being called a duplicate of an event that may never
/// be stored.
/// </summary>
public sealed class DuplicateFilter(int capacity)
{
    private readonly Lock _gate = new();

    // The ids in the order they were claimed, with a lookup into that order so a release removes its entry.
    private readonly Dictionary<string, LinkedListNode<string>> _seen = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

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

            return [.. _order];
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

            _seen[id] = _order.AddLast(id);
            _pending[id] = null;
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.First!.Value);
                _order.RemoveFirst();
            }

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
            if (forget && _seen.Remove(id, out var node))
            {
                _order.Remove(node);
            }
        }

        waiting?.TrySetResult();
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
