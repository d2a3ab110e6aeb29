using System.Security.Cryptography;
using System.Text;

namespace Routing.Barriers;

/// <summary>Where a key came from: seeded from configuration, or created through the admin endpoint.</summary>
public enum ApiKeySource
{
    Configuration,
    Api,
}

/// <summary>
/// An API key as stored: its public id, the SHA-256 of the key (never the key), its role. A revoked key stays stored
/// (history entries name its id) but authenticates no more.
/// </summary>
public sealed record ApiKey(
    string KeyId,
    string KeySha256,
    ApiKeyRole Role,
    string? Name,
    ApiKeySource Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    public Actor Actor => new(KeyId, Role);
}

/// <summary>Hashing and generating keys and key ids.</summary>
public static class ApiKeyHasher
{
    /// <summary>Shortest key accepted from configuration: short keys can be guessed.</summary>
    public const int MinKeyLength = 16;

    /// <summary>Longest key looked up: a longer <c>X-Api-Key</c> is refused as invalid without hashing it.</summary>
    public const int MaxKeyLength = 512;

    private const string KeyPrefix = "rk_";
    private const string KeyIdPrefix = "key_";

    /// <summary>The SHA-256 of the key's UTF-8 bytes, lowercase hex: what the store keeps.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: <c>rk_</c> and 32 random bytes in base64url (256 bits).</summary>
    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new public key id: <c>key_</c> and 12 random hex digits. Says nothing about the key.</summary>
    public static string NewKeyId() => KeyIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
