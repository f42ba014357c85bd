namespace Intelligence.Processors.Flow;

/// <summary>
/// A record one fold sends to another under a new key: the re-keying that replaces global state
/// (in Kafka, a repartition topic). Signals are plain records so that they serialize as JSON.
/// </summary>
public interface ISignal;
