using Npgsql;
using Routing.TestSupport;

namespace Routing.Replicas.Tests;

/// <summary>
/// A real PostgreSQL server and the small fixture graph (built once by the first replica), shared by the replica
/// tests; each test takes a fresh database.
/// </summary>
public sealed class ReplicaCluster : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ReplicaCluster()
    {
        Server = PostgresServer.Start();
        GraphPath = _directory.File("fixture.graph");
    }

    public PostgresServer Server { get; }

    public string GraphPath { get; }

    /// <summary>The database of the current test (set by <see cref="NewDatabase"/>).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Command-line settings every replica of the current test gets.</summary>
    public IReadOnlyList<string> Settings =>
    [
        "--Routing:Graph", GraphPath,
        "--Routing:Osm", RepositoryPaths.Fixture("accessibility.osm"),
        "--Routing:Elevation", "",
        "--Barriers:Provider", "postgres",
        "--Barriers:ConnectionString", ConnectionString,
        "--Barriers:ChangeCheckIntervalMs", "1000",
        "--Barriers:ReportsPerMinute", "100000",
        "--Barriers:ApiKeys:0:Key", ApiReplica.PlannerKey,
        "--Barriers:ApiKeys:0:Role", "planner",
        "--Warmup:Enabled", "false", // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
        "--Transit:TransfersAhead", "false", // trips check the walks they reach: ready without every preset's walks
        "--Quotas:RoutesPerSecond", "0",
    ];

    public void NewDatabase()
    {
        string name = "r_" + Guid.NewGuid().ToString("N");
        // Unpooled: a pooled connection would be stale after a test stopped and restarted the server.
        using (var connection = new NpgsqlConnection(Server.ConnectionString() + ";Pooling=false"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        ConnectionString = Server.ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Server.Dispose();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaCluster>
{
    public const string Name = "replicas";
}
