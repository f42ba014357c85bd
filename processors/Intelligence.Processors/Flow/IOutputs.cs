namespace Intelligence.Processors.Flow;

/// <summary>What a fold or router may do besides changing its own key's state: send and write.</summary>
public interface IOutputs
{
    /// <summary>Sends a signal under <paramref name="key"/> to every fold that consumes its type; it carries the current input's time and id.</summary>
    void Send(string key, ISignal signal);

    /// <summary>Writes a row to the analytics store.</summary>
    void Write(OutputRow row);
}
