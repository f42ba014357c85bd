using System.Diagnostics;
using System.Reflection;

namespace Intelligence.Bench;

/// <summary>
/// Runs one approach in a process of its own (this program again, `bench --part ...`), so that each
/// has the machine, chDB and its peak memory to itself, and reads back its <see cref="Measurement"/>.
/// What the child writes to standard error passes through, for its progress and warnings.
/// </summary>
public static class ChildProcess
{
    public static async Task<Measurement> MeasureAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bench's child process.");
        await using var kill = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
        Measurement? measurement = null;
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            measurement ??= Measurement.FromLine(line);
        }

        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode == 0 && measurement is not null
            ? measurement
            : throw new InvalidOperationException(
                $"`{string.Join(' ', arguments)}` exited with {child.ExitCode} without a measurement; its errors are above.");
    }
}
