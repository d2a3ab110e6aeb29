using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests.Barriers;

/// <summary>Every malformed, absurd or oversized field is a 400 invalid-request naming the field; nothing is stored.</summary>
[Collection(BarrierFixtureApiCollection.Name)]
public sealed class BarrierBadInputTests(BarrierFixtureApi api)
{
    private const string Planner = BarrierApiFactory.PlannerKey;

    private static string R(string extra) => BarrierHttp.Report(extra: extra);

    private static string At(string location) => BarrierHttp.Report(location: location);

    public static TheoryData<string, string> BadReports => new()
    {
        { "{", "body" },
        { "", "body" },
        { "null", "body" },
        { "[]", "body" },
        { "\"blocked\"", "body" },
        { """{"location": {"type": "Point", "coordinates": [8.69025, 49.41]}}""", "kind" },
        { BarrierHttp.Report(kind: "lava"), "kind" },
        { """{"kind": 3, "location": {"type": "Point", "coordinates": [8.69025, 49.41]}}""", "kind" },
        { BarrierHttp.Report(kind: "Blocked_Path"), "kind" },
        { """{"kind": "blocked_path"}""", "location" },
        { At("\"8.69025,49.41\""), "location" },
        { At("[8.69025, 49.41]"), "location" },
        { At("""{"coordinates": [8.69025, 49.41]}"""), "location.type" },
        { At("""{"type": "Circle", "coordinates": [8.69025, 49.41]}"""), "location.type" },
        { At("""{"type": "point", "coordinates": [8.69025, 49.41]}"""), "location.type" },
        { At("""{"type": "MultiPoint", "coordinates": [[8.69025, 49.41]]}"""), "location.type" },
        { At("""{"type": "Feature", "geometry": {"type": "Point", "coordinates": [8.69025, 49.41]}}"""), "location.type" },
        { At("""{"type": "Point"}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": [8.69025]}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": [8.69025, 49.41, 100, 5]}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": ["8.69025", "49.41"]}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": [8.69025, 91]}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": [181, 49.41]}"""), "location.coordinates" },
        { At("""{"type": "LineString", "coordinates": [[8.69, 49.41]]}"""), "location.coordinates" },
        { At("""{"type": "LineString", "coordinates": [[8.69, 49.41], [8.69, 49.41]]}"""), "location.coordinates" },
        { At("""{"type": "LineString", "coordinates": [[8.69, 49.41], [8.69, "x"]]}"""), "location.coordinates[1]" },
        { At("""{"type": "LineString", "coordinates": [[8.69, 49.41], [8.95, 49.41]]}"""), "location.coordinates" },
        { At("""{"type": "Polygon", "coordinates": [[[8.69, 49.41], [8.691, 49.41], [8.691, 49.411], [8.69, 49.411]]]}"""), "location.coordinates[0]" },
        { At("""{"type": "Polygon", "coordinates": [[[8.69, 49.41], [8.691, 49.41], [8.69, 49.41]]]}"""), "location.coordinates[0]" },
        // A bow tie: the ring crosses itself, so it encloses no area NetTopologySuite accepts.
        { At("""{"type": "Polygon", "coordinates": [[[8.69, 49.41], [8.691, 49.411], [8.691, 49.41], [8.69, 49.411], [8.69, 49.41]]]}"""), "location.coordinates[0]" },
        { At("""{"type": "Polygon", "coordinates": [[[8.69, 49.41], [8.691, 49.41], [8.691, 49.411], [8.69, 49.41]], [[8.6902, 49.4102], [8.6903, 49.4102], [8.6903, 49.4103], [8.6902, 49.4102]]]}"""), "location.coordinates" },
        { At("""{"type": "Polygon", "coordinates": [[8.69, 49.41], [8.691, 49.41], [8.691, 49.411], [8.69, 49.41]]}"""), "location.coordinates" },
        { At("""{"type": "Point", "coordinates": [13.4050, 52.5200]}"""), "location" },
        { At("""{"type": "LineString", "coordinates": [[8.69, 49.41], [8.689, 49.41]]}"""), "location" },
        { R($"\"description\": \"{new string('x', 2001)}\""), "description" },
        { R("\"description\": 42"), "description" },
        { R("\"valid_from\": \"tomorrow\""), "valid_from" },
        { R("\"valid_from\": \"2026-12-01T08:00:00\""), "valid_from" },
        { R("\"valid_from\": \"2026-12-01\""), "valid_from" },
        { R("\"valid_from\": 1764576000"), "valid_from" },
        { R("\"valid_until\": \"3026-12-01T08:00:00Z\""), "valid_until" },
        { R("\"valid_from\": \"2030-12-02T08:00:00Z\", \"valid_until\": \"2030-12-01T08:00:00Z\""), "valid_until" },
        { R("\"valid_from\": \"2030-12-01T08:00:00Z\", \"valid_until\": \"2030-12-01T08:00:00Z\""), "valid_until" },
        { R("\"valid_until\": \"2020-01-01T00:00:00Z\""), "valid_until" },
        { R("\"kerb_height_cm\": 51"), "kerb_height_cm" },
        { R("\"kerb_height_cm\": -1"), "kerb_height_cm" },
        { R("\"kerb_height_cm\": 2.5"), "kerb_height_cm" },
        { R("\"kerb_height_cm\": \"high\""), "kerb_height_cm" },
        { R("\"kerb_height_cm\": 1e10"), "kerb_height_cm" },
        { R("\"remaining_width_cm\": 1001"), "remaining_width_cm" },
        { R("\"remaining_width_cm\": -5"), "remaining_width_cm" },
        { R("\"incline_pct\": 100.5"), "incline_pct" },
        { R("\"incline_pct\": -0.1"), "incline_pct" },
        { R("\"incline_pct\": \"steep\""), "incline_pct" },
        { R("\"severity\": \"high\""), "severity" },
        { R("\"status\": \"verified\""), "status" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_is_refused_naming_the_field(string body, string field)
    {
        int before = await CountAll();

        var response = await api.Client.Send(HttpMethod.Post, "/v1/barriers", Planner, body);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await CountAll());
        await AssertToldInGerman(HttpMethod.Post, "/v1/barriers", body, field);
    }

    /// <summary>
    /// The same bad request asked in German and in English: the field has as many messages in each, and none reads as
    /// the English one (an API name or a value may appear in both; the sentence around it is German).
    /// </summary>
    private async Task AssertToldInGerman(HttpMethod method, string path, string body, string field)
    {
        async Task<string[]> Messages(string language) =>
            [.. (await (await api.Client.Send(method, path, Planner, body, language: language)).Problem(HttpStatusCode.BadRequest, "invalid-request"))
                .GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!)];
        string[] english = await Messages("en");
        string[] german = await Messages("de");
        Assert.Equal(english.Length, german.Length);
        Assert.All(english.Zip(german), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task Several_bad_fields_are_reported_together()
    {
        var response = await api.Client.Send(HttpMethod.Post, "/v1/barriers", Planner,
            """{"kind": "lava", "location": {"type": "Point", "coordinates": [8.69025, 49.41]}, "kerb_height_cm": 99, "incline_pct": 250}""");

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["incline_pct", "kerb_height_cm", "kind"], problem.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        string body = BarrierHttp.Report(extra: $"\"description\": \"{new string('x', 70_000)}\"");

        var problem = await (await api.Client.Send(HttpMethod.Post, "/v1/barriers", Planner, body)).Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");

        Assert.Equal(64 * 1024, problem.GetProperty("limit_bytes").GetInt32());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported()
    {
        var response = await api.Client.Send(HttpMethod.Post, "/v1/barriers", Planner, "kind=blocked_path", "text/plain");

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("""{"type": "Point", "coordinates": [8.695, 49.417]}""")]
    [InlineData("""{"type": "LineString", "coordinates": [[8.695, 49.417], [8.6955, 49.4172]]}""")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[8.695, 49.417], [8.696, 49.417], [8.696, 49.418], [8.695, 49.417]]]}""")]
    public async Task A_location_with_nothing_to_pin_to_is_unprocessable(string location)
    {
        var response = await api.Client.Send(HttpMethod.Post, "/v1/barriers", Planner, BarrierHttp.Report(location: location));

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "location-not-on-network");
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("location").ValueKind);
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { "{}", "body" },
        { "[]", "body" },
        { """{"location": {"type": "Point", "coordinates": [8.69, 49.41]}}""", "location" },
        { """{"status": "resolved"}""", "status" },
        { """{"kind": null}""", "kind" },
        { """{"kind": "lava"}""", "kind" },
        { """{"description": false}""", "description" },
        { $$"""{"description": "{{new string('y', 2001)}}"}""", "description" },
        { """{"valid_from": "2030-01-02T00:00:00Z", "valid_until": "2030-01-01T00:00:00Z"}""", "valid_until" },
        { """{"valid_until": "2030-01-01T00:00:00Z"}""", "valid_until" },
        { """{"valid_until": "soon"}""", "valid_until" },
        { """{"kerb_height_cm": 99}""", "kerb_height_cm" },
        { """{"remaining_width_cm": 1.5}""", "remaining_width_cm" },
        { """{"incline_pct": 1000}""", "incline_pct" },
        { """{"priority": 1}""", "priority" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task A_bad_edit_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var report = await api.Client.CreateReport(Planner, BarrierHttp.Report(extra: "\"valid_from\": \"2030-06-01T00:00:00Z\", \"description\": \"as it was\""));

        var response = await api.Client.Send(HttpMethod.Patch, $"/v1/barriers/{report.Id()}", Planner, body);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains(field, problem.ErrorFields());
        await AssertToldInGerman(HttpMethod.Patch, $"/v1/barriers/{report.Id()}", body, field);
        var stored = await (await api.Client.Send(HttpMethod.Get, $"/v1/barriers/{report.Id()}", Planner)).Json();
        Assert.Equal("as it was", stored.GetProperty("description").GetString());
        Assert.Single(stored.GetProperty("history").EnumerateArray());
    }

    [Theory]
    [InlineData("bbox=8.69,49.41,8.70", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("bbox=8.70,49.41,8.69,49.42", "bbox")]
    [InlineData("bbox=8.69,49.41,8.70,49.42,0&status=verified", "bbox")]
    [InlineData("bbox=8.69,-91,8.70,49.42", "bbox")]
    [InlineData("status=open", "status")]
    [InlineData("status=", "status")]
    [InlineData("kind=lava", "kind")]
    [InlineData("page=2", "page")]
    public async Task A_bad_filter_is_refused_naming_the_parameter(string query, string field)
    {
        foreach (string path in new[] { "/v1/barriers?", "/v1/barriers.geojson?" })
        {
            var problem = await (await api.Client.Send(HttpMethod.Get, path + query, null)).Problem(HttpStatusCode.BadRequest, "invalid-request");
            Assert.Contains(field, problem.ErrorFields());
        }
    }

    [Fact]
    public async Task A_bad_filter_is_told_in_the_accepted_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/barriers?bbox=8.70,49.41,8.69,49.42");
        request.Headers.Add("Accept-Language", "tr");
        var problem = await (await api.Client.SendAsync(request)).Problem(HttpStatusCode.BadRequest, "invalid-request");
        string turkish = Routing.Texts.Translations.Of("tr").Get("field_error.bbox_order");
        Assert.NotEqual(Routing.Texts.Translations.English.Get("field_error.bbox_order"), turkish);
        Assert.Equal(turkish, Assert.Single(problem.GetProperty("errors").GetProperty("bbox").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Transitions_the_status_does_not_allow_are_conflicts_and_unknown_ids_not_found()
    {
        var report = await api.Client.CreateReport(Planner);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{report.Id()}/resolve", Planner)).StatusCode);

        foreach (string verb in new[] { "verify", "resolve", "reject" })
        {
            var problem = await (await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{report.Id()}/{verb}", Planner)).Problem(HttpStatusCode.Conflict, "invalid-transition");
            Assert.Equal("resolved", problem.GetProperty("report_status").GetString());
            Assert.Empty(problem.GetProperty("allowed_actions").EnumerateArray());
        }
        await (await api.Client.Send(HttpMethod.Patch, $"/v1/barriers/{report.Id()}", Planner, """{"description": "x"}""")).Problem(HttpStatusCode.Conflict, "invalid-transition");

        var pending = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);
        var early = await (await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{pending.Id()}/resolve", Planner)).Problem(HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(["verify", "reject", "edit"], early.GetProperty("allowed_actions").EnumerateArray().Select(a => a.GetString()));

        foreach (string id in new[] { "999999", "abc", "0", "-1", "1.5" })
        {
            await (await api.Client.Send(HttpMethod.Get, $"/v1/barriers/{id}", Planner)).Problem(HttpStatusCode.NotFound, "barrier-not-found");
            await (await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{id}/verify", Planner)).Problem(HttpStatusCode.NotFound, "barrier-not-found");
            await (await api.Client.Send(HttpMethod.Patch, $"/v1/barriers/{id}", Planner, """{"description": "x"}""")).Problem(HttpStatusCode.NotFound, "barrier-not-found");
        }
    }

    /// <summary>The barrier door's own problems (refused transition, unknown report, missing key, nowhere to pin) in the language asked for.</summary>
    [Fact]
    public async Task The_barrier_problems_are_told_in_the_accepted_language()
    {
        var german = Routing.Texts.Translations.Of("de");
        var report = await api.Client.CreateReport(Planner);
        await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{report.Id()}/resolve", Planner);
        var expected = new (HttpMethod Method, string Path, string? Key, string? Body, HttpStatusCode Status, string Type, string Detail)[]
        {
            (HttpMethod.Post, $"/v1/barriers/{report.Id()}/verify", Planner, null, HttpStatusCode.Conflict, "invalid-transition",
                german.Format("problem.transition_final", "resolved", "verified")),
            (HttpMethod.Get, "/v1/barriers/999999", Planner, null, HttpStatusCode.NotFound, "barrier-not-found",
                german.Format("problem.barrier_not_found", "999999")),
            (HttpMethod.Post, "/v1/barriers", null, BarrierHttp.Report(), HttpStatusCode.Unauthorized, "api-key-required",
                german.Format("problem.key_required_role", "X-Api-Key", german.Format("problem.one_of", "reporter", "planner"))),
            (HttpMethod.Post, "/v1/barriers", Planner, At("""{"type": "Point", "coordinates": [8.695, 49.417]}"""), HttpStatusCode.UnprocessableEntity,
                "location-not-on-network", german.Get("problem.barrier_point_not_on_network")),
        };
        foreach (var (method, path, key, body, status, type, detail) in expected)
        {
            var problem = await (await api.Client.Send(method, path, key, body, language: "de")).Problem(status, type);
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { "{}", "role" },
        { """{"role": "god"}""", "role" },
        { """{"role": "Admin"}""", "role" },
        { """{"role": 2}""", "role" },
        { $$"""{"role": "planner", "name": "{{new string('n', 201)}}"}""", "name" },
        { """{"role": "planner", "name": 7}""", "name" },
        { """{"role": "planner", "key": "my-own-key-0123456789"}""", "key" },
        { "nonsense", "body" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_bad_key_request_is_refused_naming_the_field(string body, string field)
    {
        var problem = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", BarrierApiFactory.AdminKey, body)).Problem(HttpStatusCode.BadRequest, "invalid-request");

        Assert.Contains(field, problem.ErrorFields());
    }

    private async Task<int> CountAll() =>
        (await (await api.Client.Send(HttpMethod.Get, "/v1/barriers", Planner)).Json()).GetProperty("barriers").GetArrayLength();
}
