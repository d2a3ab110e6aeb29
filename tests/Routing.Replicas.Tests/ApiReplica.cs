using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Routing.Replicas.Tests;

/// <summary>
/// One real API process (<c>dotnet Routing.Api.dll</c>, as a user starts it) on a loopback port, with the barrier
/// store on PostgreSQL. Its output is kept for the failure message. Disposing kills it.
/// </summary>
internal sealed class ApiReplica : IDisposable
{
    public const string PlannerKey = "replica-planner-key-0123456789";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiReplica(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts a replica with the cluster's settings and then <paramref name="settings"/> (later ones win), and waits
    /// until it answers <c>/health</c> (the graph is loaded, the store open).
    /// </summary>
    public static async Task<ApiReplica> StartAsync(ReplicaCluster cluster, string name, params string[] settings)
    {
        var replica = Launch(cluster, name, settings);
        var process = replica._process;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            Assert.False(process.HasExited, $"replica {name} exited with {(process.HasExited ? process.ExitCode : 0)}:\n{replica.Output}");
            try
            {
                if ((await replica.Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return replica;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"replica {name} did not answer /health within 120 s:\n{replica.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Starts a replica that is expected to refuse to start; returns its exit code and output once it exited (at most 60 s).</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(ReplicaCluster cluster, string name, params string[] settings)
    {
        using var replica = Launch(cluster, name, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await replica._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"replica {name} still runs after 60 s:\n{replica.Output}");
        }
        replica._process.WaitForExit();   // and its output is read to the end
        return (replica._process.ExitCode, replica.Output);
    }

    private static ApiReplica Launch(ReplicaCluster cluster, string name, string[] settings)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Routing.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} missing: the test project references Routing.Api");
        int port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string argument in (string[])[dll, "--urls", $"http://127.0.0.1:{port}", .. cluster.Settings, .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var replica = new ApiReplica(process, port);
        process.OutputDataReceived += (_, e) => replica.Keep(name, e.Data);
        process.ErrorDataReceived += (_, e) => replica.Keep(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    /// <summary>kill -9: no shutdown, no flushing, as a crashed machine.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
        Client.Dispose();
    }

    private void Keep(string name, string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(string.Create(CultureInfo.InvariantCulture, $"[{name}] {line}"));
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
