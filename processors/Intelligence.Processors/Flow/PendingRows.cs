using System.Runtime.InteropServices;

namespace Intelligence.Processors.Flow;

/// <summary>
/// The keys whose latest-state rows wait for the end of a batch (<see cref="FoldEngine.DeferLatestRows"/>):
/// each key once, in the order it first changed, with the revision and the message of its last change.
/// </summary>
internal sealed class PendingRows
{
    private readonly Dictionary<string, int>[] _byFold;
    private readonly List<PendingRow> _rows = [];

    public PendingRows(int folds) =>
        _byFold = Enumerable.Range(0, folds).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();

    public void Mark(int fold, string key, long revision, in Message cause)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(_byFold[fold], key, out var seen);
        if (!seen)
        {
            at = _rows.Count;
            _rows.Add(default);
        }

        _rows[at] = new PendingRow(fold, key, revision, cause);
    }

    /// <summary>Takes a key's pending rows out of the batch: it is being retired, and they are written first.</summary>
    public bool TryTake(int fold, string key, out PendingRow row)
    {
        row = _byFold[fold].Remove(key, out var at) ? _rows[at] : default;
        return row.Key is not null;
    }

    /// <summary>Every key still pending, in the order it first changed; none is pending after.</summary>
    public IEnumerable<PendingRow> TakeAll()
    {
        for (var n = 0; n < _rows.Count; n++)
        {
            // A key taken out (retired) is no longer indexed here, or is indexed at a later change.
            var row = _rows[n];
            if (_byFold[row.Fold].TryGetValue(row.Key, out var at) && at == n)
            {
                _byFold[row.Fold].Remove(row.Key);
                yield return row;
            }
        }

        _rows.Clear();
    }
}

/// <summary>A key whose latest-state rows wait to be written: its fold's index, the revision and message of its last change.</summary>
internal readonly record struct PendingRow(int Fold, string Key, long Revision, Message Cause);
