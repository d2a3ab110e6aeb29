using Npgsql;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>One real PostgreSQL server for the test classes of <see cref="PostgresCollection"/>; each test takes a fresh database on it.</summary>
public sealed class PostgresDatabases : IDisposable
{
    public PostgresDatabases() => Server = PostgresServer.Start();

    public PostgresServer Server { get; }

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public string Create()
    {
        string name = "t_" + Guid.NewGuid().ToString("N");
        // Unpooled: a pooled connection would be stale after a test stopped and restarted the server.
        using (var connection = new NpgsqlConnection(Server.ConnectionString() + ";Pooling=false"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return Server.ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabases>
{
    public const string Name = "postgres";
}
