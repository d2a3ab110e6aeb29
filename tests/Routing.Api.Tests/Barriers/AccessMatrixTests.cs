using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests.Barriers;

/// <summary>Every barrier and key endpoint with no key, each role, and an invalid key: the status each must get.</summary>
[Collection(BarrierFixtureApiCollection.Name)]
public sealed class AccessMatrixTests(BarrierFixtureApi api)
{
    private const string Invalid = "rk_this-key-does-not-exist-at-all";

    public enum Caller
    {
        None,
        Reporter,
        Planner,
        Admin,
        InvalidKey,
    }

    private static string? KeyOf(Caller caller) => caller switch
    {
        Caller.Reporter => BarrierApiFactory.ReporterKey,
        Caller.Planner => BarrierApiFactory.PlannerKey,
        Caller.Admin => BarrierApiFactory.AdminKey,
        Caller.InvalidKey => Invalid,
        _ => null,
    };

    /// <summary>endpoint, then the status for: no key, reporter, planner, admin, invalid key.</summary>
    public static TheoryData<string, int, int, int, int, int> Matrix => new()
    {
        { "POST /v1/barriers", 401, 201, 201, 403, 401 },
        { "GET /v1/barriers", 200, 200, 200, 200, 401 },
        { "GET /v1/barriers/{active}", 200, 200, 200, 200, 401 },
        { "GET /v1/barriers/{pending}", 404, 200, 200, 200, 401 },
        { "GET /v1/barriers.geojson", 200, 200, 200, 200, 401 },
        { "POST /v1/barriers/{pending}/verify", 401, 403, 200, 403, 401 },
        { "POST /v1/barriers/{active}/resolve", 401, 403, 200, 403, 401 },
        { "POST /v1/barriers/{pending}/reject", 401, 403, 200, 403, 401 },
        { "PATCH /v1/barriers/{active}", 401, 403, 200, 403, 401 },
        { "GET /v1/admin/api-keys", 401, 403, 403, 200, 401 },
        { "POST /v1/admin/api-keys", 401, 403, 403, 201, 401 },
        { "DELETE /v1/admin/api-keys/{key}", 401, 403, 403, 204, 401 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_the_status_of_the_matrix(string endpoint, int none, int reporter, int planner, int admin, int invalid)
    {
        var expected = new Dictionary<Caller, int>
        {
            [Caller.None] = none,
            [Caller.Reporter] = reporter,
            [Caller.Planner] = planner,
            [Caller.Admin] = admin,
            [Caller.InvalidKey] = invalid,
        };
        foreach (var (caller, status) in expected)
        {
            var response = await Call(endpoint, KeyOf(caller));
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"{endpoint} as {caller}: expected {status}, got {(int)response.StatusCode}: {body}");
            switch (status)
            {
                case 401:
                    await response.Problem(HttpStatusCode.Unauthorized, caller == Caller.InvalidKey ? "api-key-invalid" : "api-key-required");
                    Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
                    break;
                case 403:
                    var problem = await response.Problem(HttpStatusCode.Forbidden, "forbidden");
                    Assert.NotEmpty(problem.GetProperty("required_roles").EnumerateArray());
                    Assert.Equal(caller.ToString().ToLowerInvariant(), problem.GetProperty("role").GetString());
                    break;
                case 404:
                    await response.Problem(HttpStatusCode.NotFound, "barrier-not-found");
                    break;
            }
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_everywhere_and_a_created_key_works_at_once()
    {
        var created = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", BarrierApiFactory.AdminKey, """{"role": "reporter", "name": "temporary"}"""))
            .Json(HttpStatusCode.Created);
        string key = created.GetProperty("key").GetString()!;
        string keyId = created.GetProperty("key_id").GetString()!;

        Assert.Equal(HttpStatusCode.Created, (await api.Client.Send(HttpMethod.Post, "/v1/barriers", key, BarrierHttp.Report())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.Send(HttpMethod.Delete, $"/v1/admin/api-keys/{keyId}", BarrierApiFactory.AdminKey)).StatusCode);

        await (await api.Client.Send(HttpMethod.Post, "/v1/barriers", key, BarrierHttp.Report())).Problem(HttpStatusCode.Unauthorized, "api-key-invalid");
        await (await api.Client.Send(HttpMethod.Get, "/v1/barriers", key)).Problem(HttpStatusCode.Unauthorized, "api-key-invalid");
    }

    [Fact]
    public async Task Routes_and_profiles_need_no_key_and_ignore_one()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Client.Send(HttpMethod.Get, "/v1/profiles", Invalid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.Send(HttpMethod.Get, "/health", null)).StatusCode);
    }

    private async Task<HttpResponseMessage> Call(string endpoint, string? key)
    {
        string[] parts = endpoint.Split(' ');
        var method = new HttpMethod(parts[0]);
        string path = parts[1];
        if (path.Contains("{active}", StringComparison.Ordinal))
        {
            path = path.Replace("{active}", (await api.Client.CreateReport(BarrierApiFactory.PlannerKey)).Id().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{pending}", StringComparison.Ordinal))
        {
            path = path.Replace("{pending}", (await api.Client.CreateReport(BarrierApiFactory.ReporterKey)).Id().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{key}", StringComparison.Ordinal))
        {
            var created = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", BarrierApiFactory.AdminKey, """{"role": "reporter"}""")).Json(HttpStatusCode.Created);
            path = path.Replace("{key}", created.GetProperty("key_id").GetString(), StringComparison.Ordinal);
        }
        string? body = (parts[0], path) switch
        {
            ("POST", "/v1/barriers") => BarrierHttp.Report(),
            ("PATCH", _) => """{"description": "edited"}""",
            ("POST", "/v1/admin/api-keys") => """{"role": "reporter", "name": "matrix"}""",
            _ => null,
        };
        return await api.Client.Send(method, path, key, body);
    }
}
