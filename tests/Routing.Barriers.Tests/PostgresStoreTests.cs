using System.Collections.Concurrent;
using Npgsql;
using Routing.Barriers.Operations;
using Routing.Barriers.Postgres;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>The PostgreSQL store: the contract, and what only a shared database has: migrations by many replicas at once, rates counted together, refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests : StoreContract
{
    private readonly PostgresDatabases _databases;
    private readonly PostgresStoreFixture _fixture;

    public PostgresStoreTests(PostgresDatabases databases)
        : this(databases, new PostgresStoreFixture(databases))
    {
    }

    private PostgresStoreTests(PostgresDatabases databases, PostgresStoreFixture fixture)
        : base(fixture)
    {
        _databases = databases;
        _fixture = fixture;
    }

    [Fact]
    public void A_fresh_database_is_migrated_once_and_reopening_applies_nothing()
    {
        Assert.Equal([1, 2], _fixture.Postgres.AppliedMigrations);
        Assert.Equal(PostgresBarrierStore.LatestSchemaVersion, _fixture.Postgres.SchemaVersion);

        _fixture.Reopen();

        Assert.Empty(_fixture.Postgres.AppliedMigrations);
        Assert.Equal(PostgresBarrierStore.LatestSchemaVersion, _fixture.Postgres.SchemaVersion);
    }

    [Fact]
    public async Task Replicas_starting_together_migrate_the_database_once()
    {
        string connectionString = _databases.Create();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresBarrierStore.OpenAsync(connectionString))));

        try
        {
            Assert.Single(stores, s => s.AppliedMigrations.Count == PostgresBarrierStore.LatestSchemaVersion);
            Assert.Equal((long)PostgresBarrierStore.LatestSchemaVersion, await Scalar(connectionString, "SELECT count(*) FROM schema_version"));
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public async Task Two_replicas_see_one_reporters_quota_together()
    {
        using var other = await PostgresBarrierStore.OpenAsync(_fixture.ConnectionString);
        var replicas = new[] { new BarrierService(_fixture.Postgres, _fixture.Clock), new BarrierService(other, _fixture.Clock) };
        for (int i = 0; i < 4; i++)
        {
            await replicas[i % 2].CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        }

        foreach (var store in new IBarrierStore[] { _fixture.Postgres, other })
        {
            var refused = await new ReportQuota(store, _fixture.Clock).TryAdmitAsync(TestData.Citizen, perMinute: 4, maxPending: 100);
            Assert.Equal(ReportQuota.PerMinute, refused?.Quota);
            Assert.Null(await new ReportQuota(store, _fixture.Clock).TryAdmitAsync(TestData.OtherCitizen, perMinute: 4, maxPending: 100));
        }
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await Scalar(_fixture.ConnectionString, "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', now())");

        var ex = await Assert.ThrowsAsync<BarrierStoreException>(() => PostgresBarrierStore.OpenAsync(_fixture.ConnectionString));

        Assert.Contains(_fixture.Postgres.Description, ex.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_refused_naming_the_setting()
    {
        var ex = await Assert.ThrowsAsync<BarrierStoreException>(() => PostgresBarrierStore.OpenAsync("Hots=db;Prot=5432"));

        Assert.Contains("Barriers:ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_refused_naming_it()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var ex = await Assert.ThrowsAsync<BarrierStoreException>(() =>
            PostgresBarrierStore.OpenAsync($"Host=127.0.0.1;Port={closedPort};Username=routing;Database=nowhere;Timeout=3"));

        Assert.Contains($"postgresql://127.0.0.1:{closedPort}/nowhere", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Barriers:ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    internal static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresServiceTests(PostgresDatabases databases) : ServiceContract(new PostgresStoreFixture(databases));

/// <summary>The database holds hashes only: no row of the key table contains a key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiKeyTests : ApiKeyContract
{
    private readonly PostgresStoreFixture _fixture;

    public PostgresApiKeyTests(PostgresDatabases databases)
        : this(new PostgresStoreFixture(databases))
    {
    }

    private PostgresApiKeyTests(PostgresStoreFixture fixture)
        : base(fixture) => _fixture = fixture;

    [Fact]
    public async Task The_database_keeps_only_hashes_never_the_keys()
    {
        const string seeded = "seeded-planner-key-0123456789";
        await KeyService.SeedAsync([new SeedKey(seeded, ApiKeyRole.Planner, "Tiefbauamt")]);
        var created = await KeyService.CreateAsync(ApiKeyRole.Reporter, "app");

        await using var connection = new NpgsqlConnection(_fixture.ConnectionString);
        await connection.OpenAsync();
        foreach (string plain in new[] { seeded, created.PlainKey })
        {
            await using var find = new NpgsqlCommand("SELECT count(*) FROM api_keys k WHERE strpos(k::text, @plain) > 0", connection);
            find.Parameters.AddWithValue("plain", plain);
            Assert.Equal(0L, await find.ExecuteScalarAsync());
        }
        await using var hashed = new NpgsqlCommand("SELECT count(*) FROM api_keys WHERE key_sha256 = @hash", connection);
        hashed.Parameters.AddWithValue("hash", ApiKeyHasher.Hash(seeded));
        Assert.Equal(1L, await hashed.ExecuteScalarAsync());
    }
}

/// <summary>
/// Replicas learn of each other's writes: a notification within a second; a change without one (a missed
/// notification) at the next periodic check; a lost database is reported and, once back, caught up.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresChangeFeedTests(PostgresDatabases databases)
{
    [Fact]
    public async Task A_write_by_another_replica_is_notified_not_polled()
    {
        using var fixture = new PostgresStoreFixture(databases);
        using var other = await PostgresBarrierStore.OpenAsync(fixture.ConnectionString);
        await using var feed = FeedRun.Start(new PostgresChangeFeed(fixture.Postgres, TimeSpan.FromSeconds(30)));
        await feed.WaitFor(BarrierChangeSignal.Connected, TimeSpan.FromSeconds(10));

        await new BarrierService(other, TimeProvider.System).CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        // The feed polls every 30 s here: a notification well before that is the write's own (the time to it is in the
        // replica figures of benchmarks/README.md, not asserted on a machine of unknown load).
        await feed.WaitFor(BarrierChangeSignal.Notification, TimeSpan.FromSeconds(20));

        Assert.DoesNotContain(BarrierChangeSignal.Poll, feed.Signals);
    }

    [Fact]
    public async Task A_change_without_a_notification_is_found_by_the_periodic_check()
    {
        using var fixture = new PostgresStoreFixture(databases);
        await using var feed = FeedRun.Start(new PostgresChangeFeed(fixture.Postgres, TimeSpan.FromMilliseconds(200)));
        await feed.WaitFor(BarrierChangeSignal.Connected, TimeSpan.FromSeconds(10));

        // What a lost notification leaves behind: the counter moved, nobody was told.
        await PostgresStoreTests.Scalar(fixture.ConnectionString, "UPDATE report_changes SET counter = counter + 1");

        await feed.WaitFor(BarrierChangeSignal.Poll, TimeSpan.FromSeconds(10)); // polls every 0.2 s: a hang guard
        Assert.DoesNotContain(BarrierChangeSignal.Notification, feed.Signals);
    }

    [Fact]
    public async Task A_lost_database_is_reported_answered_as_unavailable_and_caught_up_when_back()
    {
        using var server = PostgresServer.Start();
        using var store = await PostgresBarrierStore.OpenAsync(server.ConnectionString());
        await using var feed = FeedRun.Start(new PostgresChangeFeed(store, TimeSpan.FromMilliseconds(500)));
        await feed.WaitFor(BarrierChangeSignal.Connected, TimeSpan.FromSeconds(10));
        var service = new BarrierService(store, TimeProvider.System);
        await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);

        server.Stop();

        await Eventually(() => !feed.Health.IsReachable, TimeSpan.FromSeconds(5), "the feed did not notice the database stopped");
        Assert.Contains(store.Description, feed.Health.Lost!.Value.Reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BarrierStoreUnavailableException>(() => service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner));
        await Assert.ThrowsAsync<BarrierStoreUnavailableException>(() => store.ListAsync(BarrierQuery.All));

        int connectedBefore = feed.Signals.Count(s => s == BarrierChangeSignal.Connected);
        server.Resume();

        await Eventually(() => feed.Health.IsReachable && feed.Signals.Count(s => s == BarrierChangeSignal.Connected) > connectedBefore,
            TimeSpan.FromSeconds(10), "the feed did not reconnect");
        await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        Assert.Equal(2, (await store.ListAsync(BarrierQuery.All)).Count);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task Eventually(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    /// <summary>A feed running in the background, recording its signals.</summary>
    private sealed class FeedRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<BarrierChangeSignal> _signals = new();
        private Task _running = Task.CompletedTask;

        public BarrierStoreHealth Health { get; } = new(TimeProvider.System);

        public IReadOnlyList<BarrierChangeSignal> Signals => [.. _signals];

        public static FeedRun Start(PostgresChangeFeed feed)
        {
            var run = new FeedRun();
            run._running = Task.Run(() => feed.RunAsync(run._signals.Enqueue, run.Health, run._stop.Token));
            return run;
        }

        public Task WaitFor(BarrierChangeSignal signal, TimeSpan timeout) =>
            Eventually(() => _signals.Contains(signal), timeout, $"no {signal} signal within {timeout.TotalSeconds} s; got {string.Join(", ", _signals)}");

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running;
            _stop.Dispose();
        }
    }
}
