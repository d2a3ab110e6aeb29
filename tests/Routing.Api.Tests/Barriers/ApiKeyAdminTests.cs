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
        Assert.Equal(4, keys.Count(k => k.GetProperty("source").GetString() == "configuration")); // reporter, planner, admin, operator

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
    public async Task Report_creation_is_limited_per_person_and_only_accepted_reports_count()
    {
        using var factory = api.NewFactory("rate-limited.db", reportsPerMinute: 3);
        using var client = factory.CreateClient();
        Task<HttpResponseMessage> Post(string? key, string body, string? endUser = null) =>
            client.Send(HttpMethod.Post, "/v1/barriers", key, body, endUser: endUser);

        // Thirty refused bodies cost nothing: only reports that were accepted count.
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Post(BarrierApiFactory.ReporterKey, "{}", "anna")).StatusCode);
        }
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Post(BarrierApiFactory.ReporterKey, BarrierHttp.Report(), "anna")).StatusCode);
        }
        var limited = await Post(BarrierApiFactory.ReporterKey, BarrierHttp.Report(), "anna");

        var problem = await limited.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal("reports_per_minute", problem.GetProperty("quota").GetString());
        Assert.Equal(3, problem.GetProperty("limit").GetInt32());
        Assert.InRange(problem.GetProperty("retry_after_s").GetInt32(), 1, 60);
        Assert.NotNull(limited.Headers.RetryAfter);
        // Another person behind the same app key, the app key alone and another key each have their own budget.
        Assert.Equal(HttpStatusCode.Created, (await Post(BarrierApiFactory.ReporterKey, BarrierHttp.Report(), "ben")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(BarrierApiFactory.ReporterKey, BarrierHttp.Report())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(BarrierApiFactory.PlannerKey, BarrierHttp.Report())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Send(HttpMethod.Get, "/v1/barriers", BarrierApiFactory.ReporterKey)).StatusCode);
        await (await Post(null, BarrierHttp.Report())).Problem(HttpStatusCode.Unauthorized, "api-key-required");
        // A malformed person id is the client's fault.
        var malformed = await (await Post(BarrierApiFactory.ReporterKey, BarrierHttp.Report(), "anna smith")).Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.True(malformed.GetProperty("errors").TryGetProperty("X-End-User-Id", out _));
    }

    [Fact]
    public async Task One_person_may_have_a_bounded_number_of_reports_waiting_and_sees_only_their_own()
    {
        using var factory = api.NewFactory("pending-cap.db", settings: new Dictionary<string, string?> { ["Barriers:PendingPerReporter"] = "2" });
        using var client = factory.CreateClient();
        var anna = new List<long>();
        for (int i = 0; i < 2; i++)
        {
            var created = await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.ReporterKey, BarrierHttp.Report(), endUser: "anna");
            anna.Add((await created.Json(HttpStatusCode.Created)).Id());
        }
        var full = await (await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.ReporterKey, BarrierHttp.Report(), endUser: "anna"))
            .Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal("pending_reports", full.GetProperty("quota").GetString());

        // Ben, on the same app key, sees neither of Anna's waiting reports, in the list or one by one; Anna sees both.
        async Task<List<long>> Listed(string? endUser) =>
            [.. (await (await client.Send(HttpMethod.Get, "/v1/barriers", BarrierApiFactory.ReporterKey, endUser: endUser)).Json(HttpStatusCode.OK))
                .GetProperty("barriers").EnumerateArray().Select(r => r.Id())];
        Assert.Equal(anna, await Listed("anna"));
        Assert.Empty(await Listed("ben"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Send(HttpMethod.Get, $"/v1/barriers/{anna[0]}", BarrierApiFactory.ReporterKey, endUser: "ben")).StatusCode);

        // A planner's verdict frees a place.
        Assert.Equal(HttpStatusCode.OK, (await client.Send(HttpMethod.Post, $"/v1/barriers/{anna[0]}/reject", BarrierApiFactory.PlannerKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.ReporterKey, BarrierHttp.Report(), endUser: "anna")).StatusCode);
    }

    [Fact]
    public async Task Lists_come_in_pages()
    {
        using var factory = api.NewFactory("pages.db");
        using var client = factory.CreateClient();
        var created = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            created.Add((await client.CreateReport(BarrierApiFactory.PlannerKey)).Id());
        }
        var listed = new List<long>();
        string path = "/v1/barriers?limit=2";
        while (true)
        {
            var page = await (await client.Send(HttpMethod.Get, path, null)).Json(HttpStatusCode.OK);
            listed.AddRange(page.GetProperty("barriers").EnumerateArray().Select(r => r.Id()));
            if (page.GetProperty("next_after").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                break;
            }
            path = $"/v1/barriers?limit=2&after={page.GetProperty("next_after").GetInt64()}";
        }
        Assert.Equal(created, listed);
        await (await client.Send(HttpMethod.Get, "/v1/barriers?limit=0", null)).Problem(HttpStatusCode.BadRequest, "invalid-request");
        await (await client.Send(HttpMethod.Get, "/v1/barriers?after=x", null)).Problem(HttpStatusCode.BadRequest, "invalid-request");
    }
}
