using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Embedded;

/// <summary>
/// A simulation written to a JSON-lines file, one input a line, with what a replay needs beside it:
/// each input's arrival (<see cref="RecordedArrivals"/>, <c>FILE.arrivals</c>) and the ground truth
/// with the simulated end (<c>FILE.truth.json</c>).
/// </summary>
public static class SimulatedFile
{
    /// <summary>
    /// Writes the simulator's inputs to <paramref name="file"/>, which becomes <paramref name="path"/>
    /// (it may be written under another name and moved there); returns how many were written.
    /// </summary>
    public static long Write(RetailSimulator simulator, SimulationOptions options, Stream file, string path,
        CancellationToken cancellationToken = default)
    {
        long count = 0;
        using (var arrivals = new RecordedArrivals.Recorder(path))
        {
            foreach (var input in simulator.Generate())
            {
                cancellationToken.ThrowIfCancellationRequested();
                arrivals.Record(simulator.Clock.GetUtcNow());
                file.Write(input.Json);
                file.WriteByte((byte)'\n');
                count++;
            }

            file.Flush();
            arrivals.Complete(file.Length);
        }

        GroundTruthFile.Write(path + ".truth.json", options, simulator.Clock.GetUtcNow(), simulator.GroundTruth);
        return count;
    }
}
