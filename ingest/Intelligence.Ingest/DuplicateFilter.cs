namespace Intelligence.Ingest;

/// <summary>
/// Remembers the ids of the most recent accepted events (a bounded window, oldest forgotten first)
/// so that a re-sent event is dropped and counted rather than stored twice.
/// </summary>
public sealed class DuplicateFilter(int capacity)
{
    private readonly Lock _gate = new();
    // The ids in the order they were claimed, with a lookup into that order so a release removes its entry.
    private readonly Dictionary<string, LinkedListNode<string>> _seen = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

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

    /// <summary>Records the id; false when it was seen within the window.</summary>
    public bool TryClaim(string id)
    {
        lock (_gate)
        {
            if (_seen.ContainsKey(id))
            {
                return false;
            }

            _seen[id] = _order.AddLast(id);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.First!.Value);
                _order.RemoveFirst();
            }

            return true;
        }
    }

    /// <summary>Forgets an id whose event could not be logged, so that the sender's retry is not a duplicate.</summary>
    public void Release(string id)
    {
        lock (_gate)
        {
            if (_seen.Remove(id, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
