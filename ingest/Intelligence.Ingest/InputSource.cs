namespace Intelligence.Ingest;

/// <summary>
/// Where inputs come in (an HTTP client's source, a file, the simulator) and the clock that judges
/// them: the system clock for live sources, the simulated clock for a simulation.
/// </summary>
public sealed record InputSource(string Name, TimeProvider Clock);
