using System.Net;
using Microsoft.Data.Sqlite;

namespace Routing.Api.Tests.Barriers;

/// <summary>Key management, and the per-key rate limit on report creation.</summary>
[Collection(BarrierFixtureApiCollection.Name)]
public sealed class ApiKeyAdminTests(BarrierFixtureApi api)
{
    private const string Admin = BarrierApiFactory.AdminKey;

    [Fact]
    public async Task Keys_are_listed_without_secrets_and_a_new_key_is_shown_once()
    {
        var response = await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", Admin, """{"role": "planner", "name": "Tiefbauamt"}""");
        var created = await response.Json(HttpStatusCode.Created);
        string key = created.GetProperty("key").GetString()!;
        string keyId = created.GetProperty("key_id").GetString()!;

        Assert.StartsWith("rk_", key, StringComparison.Ordinal);
        Assert.Matches("^key_[0-9a-f]{12}$", keyId);
        Assert.Equal("planner", created.GetProperty("role").GetString());
        Assert.Equal("api", created.GetProperty("source").GetString());
        Assert.Equal($"/v1/admin/api-keys/{keyId}", response.Headers.Location?.OriginalString);

        string listText = await (await api.Client.Send(HttpMethod.Get, "/v1/admin/api-keys", Admin)).Content.ReadAsStringAsync();
        var list = await (await api.Client.Send(HttpMethod.Get, "/v1/admin/api-keys", Admin)).Json();
        var keys = list.GetProperty("api_keys").EnumerateArray().ToList();
        var listed = Assert.Single(keys, k => k.GetProperty("key_id").GetString() == keyId);
        Assert.Equal("Tiefbauamt", listed.GetProperty("name").GetString());
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(BarrierApiFactory.PlannerKey, listText, StringComparison.Ordinal);
        Assert.Equal(3, keys.Count(k => k.GetProperty("source").GetString() == "configuration"));

        // The new planner key moderates at once.
        var pending = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{pending.Id()}/verify", key)).StatusCode);
    }

    [Fact]
    public async Task Revoking_unknown_keys_is_not_found_and_the_last_admin_key_stays()
    {
        await (await api.Client.Send(HttpMethod.Delete, "/v1/admin/api-keys/key_000000000000", Admin)).Problem(HttpStatusCode.NotFound, "api-key-not-found");

        var second = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", Admin, """{"role": "admin"}""")).Json(HttpStatusCode.Created);
        var keys = await (await api.Client.Send(HttpMethod.Get, "/v1/admin/api-keys", Admin)).Json();
        string seededAdmin = keys.GetProperty("api_keys").EnumerateArray()
            .Single(k => k.GetProperty("source").GetString() == "configuration" && k.GetProperty("role").GetString() == "admin").GetProperty("key_id").GetString()!;
        // Revoke every other admin key, with the seeded one, then the seeded one is the last.
        foreach (var other in keys.GetProperty("api_keys").EnumerateArray()
            .Where(k => k.GetProperty("role").GetString() == "admin" && k.GetProperty("active").GetBoolean() && k.GetProperty("key_id").GetString() != seededAdmin))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await api.Client.Send(HttpMethod.Delete, $"/v1/admin/api-keys/{other.GetProperty("key_id").GetString()}", Admin)).StatusCode);
        }

        var problem = await (await api.Client.Send(HttpMethod.Delete, $"/v1/admin/api-keys/{seededAdmin}", Admin)).Problem(HttpStatusCode.Conflict, "last-admin-key");
        Assert.Equal(seededAdmin, problem.GetProperty("key_id").GetString());
        await (await api.Client.Send(HttpMethod.Get, "/v1/admin/api-keys", second.GetProperty("key").GetString())).Problem(HttpStatusCode.Unauthorized, "api-key-invalid");
        Assert.Equal(HttpStatusCode.OK, (await api.Client.Send(HttpMethod.Get, "/v1/admin/api-keys", Admin)).StatusCode);
    }

    [Fact]
    public async Task The_store_holds_key_hashes_not_keys()
    {
        var created = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", Admin, """{"role": "reporter"}""")).Json(HttpStatusCode.Created);
        string key = created.GetProperty("key").GetString()!;

        using var connection = new SqliteConnection($"Data Source={api.Factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_sha256 FROM api_keys WHERE key_id = $id";
        command.Parameters.AddWithValue("$id", created.GetProperty("key_id").GetString());
        string hash = (string)command.ExecuteScalar()!;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), hash);
        command.CommandText = "SELECT count(*) FROM api_keys WHERE key_sha256 = $k OR key_id = $k OR name = $k";
        command.Parameters.AddWithValue("$k", key);
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Report_creation_is_rate_limited_per_key()
    {
        using var factory = api.NewFactory("rate-limited.db", reportsPerMinute: 3);
        using var client = factory.CreateClient();

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.ReporterKey, BarrierHttp.Report())).StatusCode);
        }
        var limited = await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.ReporterKey, BarrierHttp.Report());

        var problem = await limited.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(3, problem.GetProperty("limit_per_minute").GetInt32());
        Assert.InRange(problem.GetProperty("retry_after_s").GetInt32(), 1, 60);
        Assert.NotNull(limited.Headers.RetryAfter);
        // Another key has its own budget; reads and moderation are not limited.
        Assert.Equal(HttpStatusCode.Created, (await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.PlannerKey, BarrierHttp.Report())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Send(HttpMethod.Get, "/v1/barriers", BarrierApiFactory.ReporterKey)).StatusCode);
        // Refused requests do not use the budget: a key-less write is 401, not 429.
        await (await client.Send(HttpMethod.Post, "/v1/barriers", null, BarrierHttp.Report())).Problem(HttpStatusCode.Unauthorized, "api-key-required");
    }
}
