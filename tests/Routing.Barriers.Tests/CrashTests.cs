using System.Diagnostics;
using System.Globalization;
using Routing.Barriers.Sqlite;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>
/// A process killed (SIGKILL) while writing loses no report it acknowledged: a child process writes reports and
/// prints "ack ID N" after each commit; the test kills it mid-stream, three times over the same file, and then finds
/// every acknowledged report, whole.
/// </summary>
public sealed class CrashTests
{
    private static string WriterPath => Path.Combine(AppContext.BaseDirectory, "Routing.Barriers.CrashWriter.dll");

    [Fact]
    public async Task A_killed_writer_loses_no_acknowledged_report()
    {
        using var dir = new TempDirectory();
        string database = dir.File("crash.db");
        var acknowledged = new Dictionary<long, int>();
        for (int round = 0; round < 3; round++)
        {
            foreach (var (id, n) in await WriteUntilKilled(database, acksBeforeKill: 150 + (round * 37)))
            {
                Assert.True(acknowledged.TryAdd(id, n), $"id {id} acknowledged twice");
            }
        }

        using var store = SqliteBarrierStore.Open(database);
        Assert.Equal("ok", store.Pragma("integrity_check"));
        var all = (await store.ListAsync(BarrierQuery.All)).ToDictionary(r => r.Id);
        Assert.True(acknowledged.Count >= 3 * 150, $"only {acknowledged.Count} acknowledgements");
        foreach (var (id, n) in acknowledged)
        {
            Assert.True(all.TryGetValue(id, out var report), $"acknowledged report {id} is lost");
            Assert.Equal($"report {n}", report.Description);
            Assert.Equal(n % 1000, report.Facts.RemainingWidthCm);
            Assert.Equal([(long)n], report.Pin.OsmWayIds);
            Assert.Single((await store.GetAsync(id))!.History);
        }
    }

    /// <summary>Runs the writer until it has acknowledged <paramref name="acksBeforeKill"/> reports, kills it, returns every ack read.</summary>
    private static async Task<List<(long Id, int N)>> WriteUntilKilled(string database, int acksBeforeKill)
    {
        Assert.True(File.Exists(WriterPath), $"{WriterPath} missing: the test project references Routing.Barriers.CrashWriter");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WriterPath);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add("1000000");
        using var process = Process.Start(start)!;
        var acks = new List<(long, int)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (acks.Count < acksBeforeKill && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Ack(line) is { } ack)
                {
                    acks.Add(ack);
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
        // Lines already written before the kill are acknowledgements too.
        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            if (Ack(line) is { } ack)
            {
                acks.Add(ack);
            }
        }
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(acks.Count >= acksBeforeKill, $"the writer stopped after {acks.Count} reports: {await process.StandardError.ReadToEndAsync()}");
        Assert.NotEqual(0, process.ExitCode);   // killed, not finished
        return acks;
    }

    private static (long, int)? Ack(string line)
    {
        string[] parts = line.Split(' ');
        return parts is ["ack", var id, var n]
            ? (long.Parse(id, CultureInfo.InvariantCulture), int.Parse(n, CultureInfo.InvariantCulture))
            : null;
    }
}
