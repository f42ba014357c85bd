using System.Diagnostics;

namespace Intelligence.Cli.Tests;

/// <summary>Runs the built <c>intelligence</c> program as a child process, as a user would.</summary>
public static class CliProcess
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Task<Outcome> RunAsync(params string[] args) => Start(args).WaitAsync();

    /// <summary>Starts the program and returns a handle to wait for it, for commands that run alongside others.</summary>
    public static Running Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the program with extra environment variables (settings, secrets).</summary>
    public static Running Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "intelligence.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        return new Running(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    public sealed class Running(Process process, Task<string> output, Task<string> error)
    {
        public bool HasExited => process.HasExited;

        /// <summary>Kills the program with SIGKILL, as a crash or an out-of-memory killer would, and waits for it to go.</summary>
        public async Task KillAsync()
        {
            using (process)
            {
                try
                {
                    process.Kill(entireProcessTree: false);
                }
                catch (InvalidOperationException)
                {
                    // It exited on its own just before.
                }

                await process.WaitForExitAsync();
                await Task.WhenAll(output, error);
            }
        }

        public async Task<Outcome> WaitAsync()
        {
            using (process)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // Never leave a hung program running after the test gives up on it.
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"intelligence did not exit within 4 minutes; stderr so far: {await error}");
                }

                return new Outcome(process.ExitCode, await output, await error);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"intelligence-cli-{Guid.NewGuid():N}");
}
