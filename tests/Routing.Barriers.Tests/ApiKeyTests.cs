using System.Text;

namespace Routing.Barriers.Tests;

/// <summary>API keys over each store (<see cref="SqliteApiKeyTests"/>, <see cref="PostgresApiKeyTests"/>): hashing, seeding, creating, revoking.</summary>
public abstract class ApiKeyContract : IDisposable
{
    private readonly StoreFixture _fixture;
    private readonly ApiKeyService _keys;

    protected ApiKeyContract(StoreFixture fixture)
    {
        _fixture = fixture;
        _keys = new ApiKeyService(fixture.Keys, fixture.Clock);
    }

    protected ApiKeyService KeyService => _keys;

    public void Dispose()
    {
        _keys.Dispose();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Keys_are_hashed_with_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHasher.Hash("abc"));
        Assert.Equal(64, ApiKeyHasher.Hash("rk_something").Length);
    }

    [Fact]
    public void New_keys_are_long_random_and_say_nothing_in_their_ids()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => ApiKeyHasher.NewKey()).ToList();
        Assert.Equal(50, keys.Distinct().Count());
        Assert.All(keys, k =>
        {
            Assert.StartsWith("rk_", k, StringComparison.Ordinal);
            Assert.Equal(46, k.Length);
            Assert.DoesNotContain('+', k);
            Assert.DoesNotContain('/', k);
        });
        Assert.Matches("^key_[0-9a-f]{12}$", ApiKeyHasher.NewKeyId());
    }

    [Fact]
    public async Task Seeding_is_idempotent_keeps_ids_and_takes_roles_and_names_from_configuration()
    {
        const string key = "seeded-key-0123456789abcdef";
        await _keys.SeedAsync([new SeedKey(key, ApiKeyRole.Reporter, null)]);
        string id = (await _keys.AuthenticateAsync(key))!.KeyId;

        await _keys.SeedAsync([new SeedKey(key, ApiKeyRole.Planner, "promoted")]);
        var again = await _keys.AuthenticateAsync(key);

        Assert.Equal(id, again!.KeyId);
        Assert.Equal(ApiKeyRole.Planner, again.Role);
        Assert.Equal("promoted", again.Name);
        Assert.Equal(ApiKeySource.Configuration, again.Source);
        Assert.Single(await _keys.ListAsync());
    }

    [Fact]
    public async Task A_revoked_key_authenticates_no_more_and_a_revoked_seeded_key_stays_revoked()
    {
        const string key = "seeded-key-to-revoke-0123456789";
        await _keys.SeedAsync([new SeedKey(key, ApiKeyRole.Planner, null)]);
        string id = (await _keys.AuthenticateAsync(key))!.KeyId;

        Assert.Equal(RevokeOutcome.Revoked, await _keys.RevokeAsync(id));
        Assert.Null(await _keys.AuthenticateAsync(key));
        Assert.Equal(RevokeOutcome.NotFound, await _keys.RevokeAsync(id));
        Assert.Equal(RevokeOutcome.NotFound, await _keys.RevokeAsync("key_nonexistent"));

        var seeded = await _keys.SeedAsync([new SeedKey(key, ApiKeyRole.Planner, null)]);
        Assert.Equal([id], seeded.StillRevoked);
        Assert.Null(await _keys.AuthenticateAsync(key));
        var listed = Assert.Single(await _keys.ListAsync());
        Assert.False(listed.IsActive);
        Assert.Equal(StoreFixture.Start, listed.RevokedAt);
    }

    [Fact]
    public async Task A_key_removed_from_configuration_is_revoked_but_keys_made_through_the_api_stay()
    {
        const string kept = "seeded-key-kept-0123456789";
        const string removed = "seeded-key-removed-0123456789";
        await _keys.SeedAsync([new SeedKey(kept, ApiKeyRole.Planner, null), new SeedKey(removed, ApiKeyRole.Admin, null)]);
        var made = await _keys.CreateAsync(ApiKeyRole.Reporter, "app");
        string removedId = (await _keys.AuthenticateAsync(removed))!.KeyId;

        var seeded = await _keys.SeedAsync([new SeedKey(kept, ApiKeyRole.Planner, null)]);

        Assert.Equal([removedId], seeded.NoLongerConfigured);
        Assert.Null(await _keys.AuthenticateAsync(removed));
        Assert.NotNull(await _keys.AuthenticateAsync(kept));
        Assert.NotNull(await _keys.AuthenticateAsync(made.PlainKey));
        Assert.Empty((await _keys.SeedAsync([new SeedKey(kept, ApiKeyRole.Planner, null)])).NoLongerConfigured);
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked()
    {
        var first = await _keys.CreateAsync(ApiKeyRole.Admin, "first");
        var second = await _keys.CreateAsync(ApiKeyRole.Admin, "second");

        Assert.Equal(RevokeOutcome.Revoked, await _keys.RevokeAsync(first.Key.KeyId));
        Assert.Equal(RevokeOutcome.LastAdmin, await _keys.RevokeAsync(second.Key.KeyId));
        Assert.NotNull(await _keys.AuthenticateAsync(second.PlainKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rk_wrong")]
    public async Task Unknown_keys_do_not_authenticate(string key)
    {
        await _keys.CreateAsync(ApiKeyRole.Planner, null);
        Assert.Null(await _keys.AuthenticateAsync(key));
        Assert.Null(await _keys.AuthenticateAsync(new string('k', 600)));
    }
}

/// <summary>The SQLite file holds hashes only: neither the file nor its write-ahead log contains a key.</summary>
public sealed class SqliteApiKeyTests : ApiKeyContract
{
    private readonly SqliteStoreFixture _fixture;

    public SqliteApiKeyTests()
        : this(new SqliteStoreFixture())
    {
    }

    private SqliteApiKeyTests(SqliteStoreFixture fixture)
        : base(fixture) => _fixture = fixture;

    [Fact]
    public async Task The_store_keeps_only_hashes_never_the_keys()
    {
        const string seeded = "seeded-planner-key-0123456789";
        await KeyService.SeedAsync([new SeedKey(seeded, ApiKeyRole.Planner, "Tiefbauamt")]);
        var created = await KeyService.CreateAsync(ApiKeyRole.Reporter, "app");
        _fixture.Sqlite.Dispose();

        byte[] file = File.ReadAllBytes(_fixture.Path);
        byte[] wal = File.Exists(_fixture.Path + "-wal") ? File.ReadAllBytes(_fixture.Path + "-wal") : [];
        foreach (string plain in new[] { seeded, created.PlainKey })
        {
            byte[] needle = Encoding.UTF8.GetBytes(plain);
            Assert.Equal(-1, file.AsSpan().IndexOf(needle));
            Assert.Equal(-1, wal.AsSpan().IndexOf(needle));
        }
        Assert.NotEqual(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(ApiKeyHasher.Hash(seeded))));
        _fixture.Reopen();
    }
}
