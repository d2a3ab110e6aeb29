using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests.Barriers;

/// <summary>What each caller sees: active reports for everyone, own reports for reporters, identities for planners and admins.</summary>
[Collection(BarrierFixtureApiCollection.Name)]
public sealed class BarrierReadTests(BarrierFixtureApi api)
{
    private static long[] Ids(JsonElement list) => [.. list.GetProperty("barriers").EnumerateArray().Select(b => b.Id())];

    private async Task<JsonElement> Get(string path, string? key) => await (await api.Client.Send(HttpMethod.Get, path, key)).Json();

    [Fact]
    public async Task A_created_report_says_what_it_was_pinned_to_and_how_it_began()
    {
        var response = await api.Client.Send(HttpMethod.Post, "/v1/barriers", BarrierApiFactory.PlannerKey, BarrierHttp.Report(extra:
            "\"description\": \"  Bauzaun  \", \"valid_until\": \"2099-01-01T10:00:00+01:00\", \"remaining_width_cm\": 40, \"incline_pct\": 4.5"));
        var report = await response.Json(HttpStatusCode.Created);

        Assert.Equal($"/v1/barriers/{report.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("blocked_path", report.GetProperty("kind").GetString());
        Assert.Equal("verified", report.GetProperty("status").GetString());
        Assert.True(report.GetProperty("active").GetBoolean());
        Assert.Equal("Bauzaun", report.GetProperty("description").GetString());
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 9, 0, 0, TimeSpan.Zero), report.GetProperty("valid_until").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("valid_from").ValueKind);
        Assert.Equal(40, report.GetProperty("remaining_width_cm").GetInt32());
        Assert.Equal(4.5, report.GetProperty("incline_pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("kerb_height_cm").ValueKind);
        Assert.Equal("Point", report.GetProperty("location").GetProperty("type").GetString());
        Assert.Equal([8.69025, 49.41], report.GetProperty("location").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));

        var pinned = report.GetProperty("pinned");
        Assert.Equal([200L], pinned.GetProperty("osm_way_ids").EnumerateArray().Select(w => w.GetInt64()));
        Assert.InRange(pinned.GetProperty("distance_m").GetDouble(), 0, 1);
        Assert.Equal(49.41, pinned.GetProperty("point").GetProperty("lat").GetDouble(), 5);

        Assert.Equal("planner", report.GetProperty("reporter").GetProperty("role").GetString());
        var created = Assert.Single(report.GetProperty("history").EnumerateArray());
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Equal("verified", created.GetProperty("status").GetString());
        Assert.Equal("planner", created.GetProperty("by").GetProperty("role").GetString());
        Assert.Equal(["resolve", "reject", "edit"], report.GetProperty("allowed_actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Anonymous_callers_see_active_reports_only_and_never_who()
    {
        var active = await api.Client.CreateReport(BarrierApiFactory.PlannerKey);
        var pending = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);
        var future = await api.Client.CreateReport(BarrierApiFactory.PlannerKey, BarrierHttp.Report(extra: "\"valid_from\": \"2099-01-01T00:00:00Z\""));
        var resolved = await api.Client.CreateReport(BarrierApiFactory.PlannerKey);
        await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{resolved.Id()}/resolve", BarrierApiFactory.PlannerKey);

        var list = await Get("/v1/barriers", null);
        long[] ids = Ids(list);
        Assert.Contains(active.Id(), ids);
        Assert.DoesNotContain(pending.Id(), ids);
        Assert.DoesNotContain(future.Id(), ids);
        Assert.DoesNotContain(resolved.Id(), ids);
        Assert.All(list.GetProperty("barriers").EnumerateArray(), b =>
        {
            Assert.True(b.GetProperty("active").GetBoolean());
            Assert.False(b.TryGetProperty("reporter", out _));
            Assert.False(b.TryGetProperty("history", out _));
        });
        Assert.DoesNotContain("key_", list.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(Ids(await Get("/v1/barriers?status=reported,resolved", null)));

        var one = await Get($"/v1/barriers/{active.Id()}", null);
        Assert.False(one.TryGetProperty("reporter", out _));
        Assert.All(one.GetProperty("history").EnumerateArray(), h => Assert.False(h.TryGetProperty("by", out _)));
        Assert.DoesNotContain("key_", one.GetRawText(), StringComparison.Ordinal);
        foreach (var hidden in new[] { pending, future, resolved })
        {
            await (await api.Client.Send(HttpMethod.Get, $"/v1/barriers/{hidden.Id()}", null)).Problem(HttpStatusCode.NotFound, "barrier-not-found");
        }
    }

    [Fact]
    public async Task A_reporter_sees_their_own_reports_but_not_other_reporters_and_not_who_moderated()
    {
        var other = await (await api.Client.Send(HttpMethod.Post, "/v1/admin/api-keys", BarrierApiFactory.AdminKey, """{"role": "reporter", "name": "other"}"""))
            .Json(HttpStatusCode.Created);
        string otherKey = other.GetProperty("key").GetString()!;
        var mine = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);
        var theirs = await api.Client.CreateReport(otherKey);

        long[] visible = Ids(await Get("/v1/barriers", BarrierApiFactory.ReporterKey));
        Assert.Contains(mine.Id(), visible);
        Assert.DoesNotContain(theirs.Id(), visible);
        await (await api.Client.Send(HttpMethod.Get, $"/v1/barriers/{theirs.Id()}", BarrierApiFactory.ReporterKey)).Problem(HttpStatusCode.NotFound, "barrier-not-found");

        await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{mine.Id()}/verify", BarrierApiFactory.PlannerKey);
        var own = await Get($"/v1/barriers/{mine.Id()}", BarrierApiFactory.ReporterKey);
        Assert.Equal("reporter", own.GetProperty("reporter").GetProperty("role").GetString());
        Assert.Equal(["created", "verified"], own.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.All(own.GetProperty("history").EnumerateArray(), h => Assert.False(h.TryGetProperty("by", out _)));

        // Now active: the other reporter sees it, without who reported it.
        var seenByOther = await Get($"/v1/barriers/{mine.Id()}", otherKey);
        Assert.False(seenByOther.TryGetProperty("reporter", out _));
    }

    [Fact]
    public async Task Planners_and_admins_see_everything_with_who_did_what()
    {
        var pending = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);
        await api.Client.Send(HttpMethod.Patch, $"/v1/barriers/{pending.Id()}", BarrierApiFactory.PlannerKey,
            """{"kind": "narrow_passage", "remaining_width_cm": 55, "description": null}""");
        await api.Client.Send(HttpMethod.Post, $"/v1/barriers/{pending.Id()}/reject", BarrierApiFactory.PlannerKey);

        foreach (string key in new[] { BarrierApiFactory.PlannerKey, BarrierApiFactory.AdminKey })
        {
            Assert.Contains(pending.Id(), Ids(await Get("/v1/barriers?status=rejected", key)));
            var report = await Get($"/v1/barriers/{pending.Id()}", key);
            Assert.Equal("rejected", report.GetProperty("status").GetString());
            Assert.Equal("narrow_passage", report.GetProperty("kind").GetString());
            Assert.Equal("reporter", report.GetProperty("reporter").GetProperty("role").GetString());
            var history = report.GetProperty("history").EnumerateArray().ToList();
            Assert.Equal(["created", "edited", "rejected"], history.Select(h => h.GetProperty("action").GetString()));
            Assert.Equal(["reporter", "planner", "planner"], history.Select(h => h.GetProperty("by").GetProperty("role").GetString()));
            Assert.Equal(["kind", "remaining_width_cm"], history[1].GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
            Assert.All(history, h => Assert.StartsWith("key_", h.GetProperty("by").GetProperty("key_id").GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Filters_narrow_by_box_status_and_kind()
    {
        var kerb = await api.Client.CreateReport(BarrierApiFactory.PlannerKey,
            BarrierHttp.Report(kind: "high_kerb", location: """{"type": "Point", "coordinates": [8.6910, 49.4120]}""", extra: "\"kerb_height_cm\": 14"));
        var line = await api.Client.CreateReport(BarrierApiFactory.PlannerKey,
            BarrierHttp.Report(kind: "construction", location: """{"type": "LineString", "coordinates": [[8.6910, 49.4106], [8.6910, 49.4114]]}"""));

        long[] inBox = Ids(await Get("/v1/barriers?bbox=8.6905,49.4118,8.6915,49.4122", null));
        Assert.Contains(kerb.Id(), inBox);
        Assert.DoesNotContain(line.Id(), inBox);
        long[] kinds = Ids(await Get("/v1/barriers?kind=construction,steep_ramp&status=verified", BarrierApiFactory.PlannerKey));
        Assert.Contains(line.Id(), kinds);
        Assert.DoesNotContain(kerb.Id(), kinds);
        Assert.Contains(kerb.Id(), Ids(await Get("/v1/barriers?kind=high_kerb&bbox=8.68,49.40,8.71,49.43", BarrierApiFactory.ReporterKey)));
    }

    [Fact]
    public async Task The_geojson_export_is_a_feature_collection_gis_tools_can_read()
    {
        var point = await api.Client.CreateReport(BarrierApiFactory.PlannerKey);
        var polygon = await api.Client.CreateReport(BarrierApiFactory.PlannerKey, BarrierHttp.Report(kind: "construction",
            location: """{"type": "Polygon", "coordinates": [[[8.6903, 49.4100], [8.6908, 49.4100], [8.6908, 49.4103], [8.6903, 49.4103], [8.6903, 49.4100]]]}"""));
        var pending = await api.Client.CreateReport(BarrierApiFactory.ReporterKey);

        var response = await api.Client.Send(HttpMethod.Get, "/v1/barriers.geojson", null);
        var collection = await response.Json(mediaType: "application/geo+json");

        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetInt64());
        Assert.DoesNotContain(pending.Id(), features.Keys);
        var square = features[polygon.Id()];
        Assert.Equal("Feature", square.GetProperty("type").GetString());
        Assert.Equal("Polygon", square.GetProperty("geometry").GetProperty("type").GetString());
        var ring = square.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().ToList();
        Assert.Equal(5, ring.Count);
        Assert.Equal(ring[0].GetRawText(), ring[^1].GetRawText());
        Assert.Equal("construction", square.GetProperty("properties").GetProperty("kind").GetString());
        Assert.True(square.GetProperty("properties").GetProperty("active").GetBoolean());
        Assert.NotEmpty(square.GetProperty("properties").GetProperty("osm_way_ids").EnumerateArray());
        Assert.Equal("Point", features[point.Id()].GetProperty("geometry").GetProperty("type").GetString());
        Assert.All(features.Values, f => Assert.False(f.GetProperty("properties").TryGetProperty("reporter", out _)));

        var planner = await (await api.Client.Send(HttpMethod.Get, "/v1/barriers.geojson?status=reported", BarrierApiFactory.PlannerKey)).Json(mediaType: "application/geo+json");
        Assert.Contains(pending.Id(), planner.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_barrier_endpoints_and_the_key()
    {
        var doc = await (await api.Client.GetAsync("/openapi/v1.json")).Json();
        var paths = doc.GetProperty("paths");
        var expected = new[]
        {
            ("/v1/barriers", "post", "201"), ("/v1/barriers", "get", "200"), ("/v1/barriers/{id}", "get", "200"), ("/v1/barriers/{id}", "patch", "200"),
            ("/v1/barriers/{id}/verify", "post", "200"), ("/v1/barriers/{id}/resolve", "post", "200"), ("/v1/barriers/{id}/reject", "post", "200"),
            ("/v1/barriers.geojson", "get", "200"), ("/v1/admin/api-keys", "get", "200"), ("/v1/admin/api-keys", "post", "201"),
            ("/v1/admin/api-keys/{keyId}", "delete", "204"),
        };
        foreach (var (path, method, ok) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{method} {path} has no description");
            Assert.True(operation.GetProperty("responses").TryGetProperty(ok, out _), $"{method} {path} documents no {ok}");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} documents no 401");
            Assert.True(operation.TryGetProperty("security", out _), $"{method} {path} names no security");
        }
        var post = paths.GetProperty("/v1/barriers").GetProperty("post");
        Assert.Equal("blocked_path", post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("kind").GetString());
        Assert.True(post.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        foreach (string status in new[] { "400", "403", "422", "429" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), status);
        }
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Contains("\"remaining_width_cm\"", doc.GetRawText(), StringComparison.Ordinal);
    }
}
