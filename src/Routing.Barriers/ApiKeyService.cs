namespace Routing.Barriers;

/// <summary>A key given in configuration (<c>Barriers:ApiKeys:N:Key</c>, <c>:Role</c>, <c>:Name</c>).</summary>
public sealed record SeedKey(string Key, ApiKeyRole Role, string? Name);

/// <param name="StillRevoked">Configured keys that were revoked through the API and stay revoked.</param>
/// <param name="NoLongerConfigured">Keys seeded earlier, no longer in the configuration, now revoked.</param>
public sealed record SeedResult(IReadOnlyList<string> StillRevoked, IReadOnlyList<string> NoLongerConfigured);

/// <summary>A newly created key: the plain key is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKey Key, string PlainKey);

public enum RevokeOutcome
{
    Revoked,
    NotFound,

    /// <summary>Refused: it is the last active admin key, and nobody could manage keys any more.</summary>
    LastAdmin,
}

/// <summary>
/// Seeding, checking, creating and revoking API keys. The store sees only SHA-256 hashes. A check is answered from
/// memory for <see cref="CheckCacheTime"/> after the store was asked, so that key checks never queue behind the
/// store's other work (a list on SQLite's one connection, a slow replica link); a revocation here takes effect at
/// once, one on another replica within that time.
/// </summary>
public sealed class ApiKeyService(IApiKeyStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan CheckCacheTime = TimeSpan.FromSeconds(10);

    /// <summary>Random keys sent to flood the cache empty it instead of growing it.</summary>
    private const int MaxCachedChecks = 10_000;

    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _checks = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes the configured keys the seeded keys: each is known with its configured role and name (a key already
    /// stored keeps its id, so history entries keep naming it), and a key seeded earlier that is no longer configured is
    /// revoked. A seeded key that was revoked through the API stays revoked.
    /// </summary>
    public async Task<SeedResult> SeedAsync(IEnumerable<SeedKey> keys, CancellationToken cancellationToken = default)
    {
        var revoked = new List<string>();
        var configured = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new List<string>();
        await _writes.WaitAsync(cancellationToken);
        try
        {
            foreach (var seed in keys)
            {
                configured.Add(ApiKeyHasher.Hash(seed.Key));
                string hash = ApiKeyHasher.Hash(seed.Key);
                var existing = await store.FindKeyByHashAsync(hash, cancellationToken);
                if (existing is null)
                {
                    await store.InsertKeyAsync(new ApiKey(ApiKeyHasher.NewKeyId(), hash, seed.Role, seed.Name, ApiKeySource.Configuration,
                        BarrierService.Truncate(time.GetUtcNow()), null), cancellationToken);
                    continue;
                }
                if (!existing.IsActive)
                {
                    revoked.Add(existing.KeyId);
                }
                if (existing.Role != seed.Role || !string.Equals(existing.Name, seed.Name, StringComparison.Ordinal))
                {
                    await store.UpdateKeyAsync(existing with { Role = seed.Role, Name = seed.Name }, cancellationToken);
                }
            }
            foreach (var stale in (await store.ListKeysAsync(cancellationToken))
                .Where(k => k.Source == ApiKeySource.Configuration && k.IsActive && !configured.Contains(k.KeySha256)))
            {
                await store.RevokeKeyAsync(stale.KeyId, BarrierService.Truncate(time.GetUtcNow()), cancellationToken);
                dropped.Add(stale.KeyId);
            }
        }
        finally
        {
            _checks.Clear(); // roles and revocations may have changed
            _writes.Release();
        }
        return new SeedResult(revoked, dropped);
    }

    /// <summary>The active key for <paramref name="plainKey"/>, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string plainKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(plainKey) || plainKey.Length > ApiKeyHasher.MaxKeyLength)
        {
            return null;
        }
        string hash = ApiKeyHasher.Hash(plainKey);
        var now = time.GetUtcNow();
        if (_checks.TryGetValue(hash, out var known) && known.Until > now)
        {
            return known.Key;
        }
        var key = await store.FindKeyByHashAsync(hash, cancellationToken);
        var active = key is { IsActive: true } ? key : null;
        if (_checks.Count >= MaxCachedChecks)
        {
            _checks.Clear();
        }
        _checks[hash] = (active, now + CheckCacheTime);
        return active;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => store.ListKeysAsync(cancellationToken);

    public async Task<CreatedApiKey> CreateAsync(ApiKeyRole role, string? name, CancellationToken cancellationToken = default)
    {
        string plain = ApiKeyHasher.NewKey();
        var key = new ApiKey(ApiKeyHasher.NewKeyId(), ApiKeyHasher.Hash(plain), role, name, ApiKeySource.Api, BarrierService.Truncate(time.GetUtcNow()), null);
        await store.InsertKeyAsync(key, cancellationToken);
        return new CreatedApiKey(key, plain);
    }

    public void Dispose() => _writes.Dispose();

    public async Task<RevokeOutcome> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var key = await store.GetKeyAsync(keyId, cancellationToken);
            if (key is not { IsActive: true })
            {
                return RevokeOutcome.NotFound;
            }
            if (key.Role == ApiKeyRole.Admin)
            {
                var keys = await store.ListKeysAsync(cancellationToken);
                if (keys.Count(k => k.IsActive && k.Role == ApiKeyRole.Admin) <= 1)
                {
                    return RevokeOutcome.LastAdmin;
                }
            }
            bool revoked = await store.RevokeKeyAsync(keyId, BarrierService.Truncate(time.GetUtcNow()), cancellationToken);
            _checks.TryRemove(key.KeySha256, out _);
            return revoked ? RevokeOutcome.Revoked : RevokeOutcome.NotFound;
        }
        finally
        {
            _writes.Release();
        }
    }
}
