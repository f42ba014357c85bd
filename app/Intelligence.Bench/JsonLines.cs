namespace Intelligence.Bench;

/// <summary>
/// A JSON-lines file read line by line as UTF-8 bytes, blank lines skipped. Each line is a view of a
/// reused buffer, valid until the next is read: copy it to keep it.
/// </summary>
public static class JsonLines
{
    public static IEnumerable<ReadOnlyMemory<byte>> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        while (true)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            end += read;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
            {
                if (newline > start)
                {
                    yield return buffer.AsMemory(start, newline - start);
                }

                start = newline + 1;
            }

            if (read == 0)
            {
                if (end > start)
                {
                    yield return buffer.AsMemory(start, end - start);
                }

                yield break;
            }

            // Keep the partial line; grow the buffer when one line fills it.
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
