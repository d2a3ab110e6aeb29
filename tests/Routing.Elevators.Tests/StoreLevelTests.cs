using Microsoft.Data.Sqlite;
using Routing.Elevators.Store;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>The store keeps a feed's level, and a store from before levels gains the column with its rows intact.</summary>
public sealed class StoreLevelTests
{
    [Fact]
    public async Task A_store_from_before_levels_keeps_its_rows_and_learns_levels_from_the_next_poll()
    {
        using var directory = new TempDirectory();
        string path = directory.File("barriers.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The table as the store created it before levels, with one elevator in it.
            create.CommandText = """
                CREATE TABLE elevator_states (id TEXT PRIMARY KEY, feed TEXT NOT NULL, feed_id TEXT NOT NULL, description TEXT,
                    station TEXT, lat REAL, lon REAL, state TEXT NOT NULL, explanation TEXT, since_ms BIGINT NOT NULL, checked_ms BIGINT NOT NULL);
                INSERT INTO elevator_states VALUES ('siri-fm:L1', 'siri-fm', 'L1', 'Aufzug Gleis 1', 'HD', 49.403, 8.675, 'inactive', NULL, 1000, 2000);
                """;
            await create.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        await using var store = await SqlElevatorStore.OpenSqliteAsync(path);
        var before = Assert.Single(await store.ListAsync());
        Assert.Equal(("siri-fm:L1", FeedState.Inactive, "Aufzug Gleis 1", (double?)null), (before.Id, before.State, before.Description, before.Level));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1000), before.Since);

        await store.SaveAsync("siri-fm", [new Equipment("L1", "Aufzug Gleis 1", "HD", 49.403, 8.675, FeedState.Inactive, null, Level: -1)],
            DateTimeOffset.FromUnixTimeMilliseconds(3000));
        var after = Assert.Single(await store.ListAsync());
        Assert.Equal(-1, after.Level);
        Assert.Equal(before.Since, after.Since); // the same state: still since the first report

        await store.SaveAsync("siri-fm", [new Equipment("L1", "Aufzug Gleis 1", "HD", 49.403, 8.675, FeedState.Inactive, null, Level: null)],
            DateTimeOffset.FromUnixTimeMilliseconds(4000));
        Assert.Null(Assert.Single(await store.ListAsync()).Level); // a feed that stops giving the level makes it unknown again
    }
}
