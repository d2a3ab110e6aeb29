using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Routing.TestSupport;

/// <summary>
/// A real PostgreSQL server for tests: Debian's binaries (found in PATH, then in /usr/lib/postgresql/*/bin), a
/// cluster made by initdb in a temporary folder, listening on a free loopback port, deleted afterwards. PostgreSQL
/// refuses to run as root, so as root (this machine, CI) the server runs as the unprivileged <c>postgres</c> user the
/// Debian package creates, owning the folder. Missing binaries are an error naming the package to install: the tests
/// that need the server then fail, never skip.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string InstallCommand = "apt-get install -y postgresql";
    public const string User = "routing";

    private readonly string _binaries;
    private readonly string _root;
    private readonly string? _runAs;

    private PostgresServer(string binaries, string root, string? runAs, int port)
    {
        _binaries = binaries;
        _root = root;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning { get; private set; }

    /// <summary>A connection string for <paramref name="database"/> as the cluster's superuser (trust authentication on loopback).</summary>
    public string ConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={User};Database={database}");

    /// <summary>initdb into a new temporary folder, then start; throws with the install command when PostgreSQL is missing.</summary>
    public static PostgresServer Start()
    {
        string binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed: initdb, pg_ctl and postgres were found neither in PATH nor in /usr/lib/postgresql/*/bin. Install it with: {InstallCommand}");
        string? runAs = Environment.UserName == "root" ? "postgres" : null;
        string root = Path.Combine(Path.GetTempPath(), "routing-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var server = new PostgresServer(binaries, root, runAs, FreeLoopbackPort());
        try
        {
            if (runAs is not null)
            {
                Run("chown", [runAs, root], $"PostgreSQL refuses to run as root, and the user '{runAs}' that {InstallCommand} creates could not be given {root}");
            }
            server.RunPostgres("initdb", ["-D", server.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-instructions", "--no-sync"], "initdb failed");
            server.Resume();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Starts the stopped server again on the same port and data (after <see cref="Stop"/>).</summary>
    public void Resume()
    {
        // fsync off: tests kill API processes, never this server, and a clean stop writes everything anyway.
        string options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c max_connections=200");
        RunPostgres("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            "the PostgreSQL server did not start");
        IsRunning = true;
    }

    /// <summary>Stops the server (fast: open connections are cut), as a database outage would.</summary>
    public void Stop()
    {
        RunPostgres("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], "the PostgreSQL server did not stop");
        IsRunning = false;
    }

    public void Dispose()
    {
        try
        {
            if (IsRunning)
            {
                Stop();
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void RunPostgres(string program, IReadOnlyList<string> arguments, string what)
    {
        string path = Path.Combine(_binaries, program);
        if (_runAs is null)
        {
            Run(path, arguments, what);
        }
        else
        {
            Run("runuser", ["-u", _runAs, "--", path, .. arguments], what);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments, string what)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what}: {program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{what}: {program} {string.Join(' ', arguments)} did not finish in 90 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what}: {program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static string? FindBinaries()
    {
        static bool Complete(string directory) =>
            File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "postgres"));

        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Complete(directory))
            {
                return directory;
            }
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }
        return Directory.GetDirectories(debian)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1, Bin: Path.Combine(version, "bin")))
            .Where(c => Complete(c.Bin))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
