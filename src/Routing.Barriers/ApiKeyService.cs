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

/// <summary>Seeding, checking, creating and revoking API keys. The store sees only SHA-256 hashes.</summary>
public sealed class ApiKeyService(IApiKeyStore store, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);

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
        var key = await store.FindKeyByHashAsync(ApiKeyHasher.Hash(plainKey), cancellationToken);
        return key is { IsActive: true } ? key : null;
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
            return await store.RevokeKeyAsync(keyId, BarrierService.Truncate(time.GetUtcNow()), cancellationToken)
                ? RevokeOutcome.Revoked
                : RevokeOutcome.NotFound;
        }
        finally
        {
            _writes.Release();
        }
    }
}
