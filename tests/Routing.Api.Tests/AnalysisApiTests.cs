using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests;

/// <summary>Isochrones, matrices and the data audit through the real host on Heidelberg.</summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class AnalysisApiTests(HeidelbergApi api)
{
    private const string Bismarckplatz = """{"lat": 49.4094, "lon": 8.6934}""";

    [Fact]
    public async Task An_isochrone_is_a_feature_per_range_with_reach_and_area_growing()
    {
        var response = await api.Client.PostJson("/v1/isochrones",
            $$"""{"origins": [{{Bismarckplatz}}], "profile": "wheelchair", "ranges_s": [600, 300]}""");

        var body = await response.Json(mediaType: "application/geo+json");
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var (small, large) = (features[0].GetProperty("properties"), features[1].GetProperty("properties"));
        Assert.Equal(300, small.GetProperty("range_s").GetDouble());
        Assert.Equal(600, large.GetProperty("range_s").GetDouble());
        Assert.True(large.GetProperty("reached_length_m").GetDouble() > small.GetProperty("reached_length_m").GetDouble());
        Assert.True(large.GetProperty("area_m2").GetDouble() > small.GetProperty("area_m2").GetDouble());
        Assert.Contains(features[0].GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Theory]
    [InlineData("""{"profile": "wheelchair", "ranges_s": [300]}""", "origins")]
    [InlineData("""{"origins": [{"lat": 49.4094, "lon": 8.6934}], "ranges_s": [300], "ranges_m": [100]}""", "ranges_m")]
    [InlineData("""{"origins": [{"lat": 49.4094, "lon": 8.6934}], "ranges_s": [0]}""", "ranges_s[0]")]
    [InlineData("""{"origins": [{"lat": 49.4094, "lon": 8.6934}], "ranges_s": [1, 2, 3, 4, 5, 6, 7]}""", "ranges_s")]
    [InlineData("""{"origins": [{"lat": 94, "lon": 8.6934}], "ranges_s": [300]}""", "origins[0].lat")]
    [InlineData("""{"origins": [{"lat": 49.4094, "lon": 8.6934}], "ranges_s": [300], "constraints": {"max_kerb_cm": 99}}""", "constraints.max_kerb_cm")]
    public async Task Bad_isochrone_requests_name_the_field(string body, string field)
    {
        var problem = await (await api.Client.PostJson("/v1/isochrones", body)).Problem(HttpStatusCode.BadRequest, "invalid-request");

        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task An_origin_in_the_sea_is_a_point_outside_area_problem_naming_the_origin()
    {
        var problem = await (await api.Client.PostJson("/v1/isochrones", """{"origins": [{"lat": 43.7, "lon": 7.4}], "ranges_s": [300]}"""))
            .Problem(HttpStatusCode.UnprocessableEntity, "point-outside-area");

        Assert.Equal(0, problem.GetProperty("origin_index").GetInt32());
    }

    [Fact]
    public async Task Matrix_values_equal_what_routes_answer()
    {
        string[] points = ["49.4094,8.6934", "49.4122,8.7101", "49.4105,8.7098", "49.4040,8.6840"];
        string Json(string p) => $$"""{"lat": {{p.Split(',')[0]}}, "lon": {{p.Split(',')[1]}}}""";
        string list = string.Join(", ", points.Select(Json));
        var matrix = await (await api.Client.PostJson("/v1/matrix", $$"""{"sources": [{{list}}], "destinations": [{{list}}], "profile": "walker"}""")).Json();

        for (int s = 0; s < points.Length; s++)
        {
            for (int d = 0; d < points.Length; d++)
            {
                var answer = await api.Client.GetAsync($"/v1/routes?from={points[s]}&to={points[d]}&profile=walker");
                var duration = matrix.GetProperty("durations_s")[s][d];
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    Assert.Equal(JsonValueKind.Null, duration.ValueKind);
                    continue;
                }
                var route = (await answer.Json()).GetProperty("routes")[0];
                Assert.Equal(route.GetProperty("duration_s").GetDouble(), duration.GetDouble());
                Assert.Equal(route.GetProperty("distance_m").GetDouble(), matrix.GetProperty("distances_m")[s][d].GetDouble());
                Assert.Equal(route.GetProperty("cost_s").GetDouble(), matrix.GetProperty("costs_s")[s][d].GetDouble());
            }
        }
    }

    [Fact]
    public async Task A_matrix_beyond_its_bounds_is_refused()
    {
        string many = string.Join(", ", Enumerable.Repeat(Bismarckplatz, 101));
        var problem = await (await api.Client.PostJson("/v1/matrix", $$"""{"sources": [{{many}}], "destinations": [{{Bismarckplatz}}]}"""))
            .Problem(HttpStatusCode.BadRequest, "invalid-request");

        Assert.Contains("sources", problem.ErrorFields());
    }

    [Fact]
    public async Task The_audit_is_geojson_cells_and_the_same_as_csv()
    {
        var geojson = await (await api.Client.GetAsync("/v1/audit?cell_m=1000")).Json(mediaType: "application/geo+json");
        var csv = await (await api.Client.GetAsync("/v1/audit?cell_m=1000&format=csv")).Content.ReadAsStringAsync();

        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count > 100);
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(features.Count, lines.Length - 1);
        Assert.StartsWith("column,row,lat,lon,walkable_length_m,", lines[0], StringComparison.Ordinal);
        Assert.All(features, f => Assert.InRange(f.GetProperty("properties").GetProperty("unknown_width_share").GetDouble(), 0, 1));
        var badCell = await (await api.Client.GetAsync("/v1/audit?cell_m=5")).Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("cell_m", badCell.ErrorFields());
    }

    [Fact]
    public async Task Fix_first_ranks_fixes_best_first_as_json_geojson_and_csv()
    {
        const string Body = """{"origins": [{"lat": 49.4094, "lon": 8.6934}, {"lat": 49.4105, "lon": 8.7098}], "profile": "wheelchair", "minutes": 10""";
        var json = await (await api.Client.PostJson("/v1/fix-first", Body + "}")).Json();
        var geojson = await (await api.Client.PostJson("/v1/fix-first", Body + """, "format": "geojson"}""")).Json(mediaType: "application/geo+json");
        string csv = await (await api.Client.PostJson("/v1/fix-first", Body + """, "format": "csv"}""")).Content.ReadAsStringAsync();

        Assert.Equal(2, json.GetProperty("origins").GetInt32());
        var fixes = json.GetProperty("fixes").EnumerateArray().ToList();
        Assert.NotEmpty(fixes);
        var gains = fixes.Select(f => f.GetProperty("gain_m").GetDouble()).ToList();
        Assert.Equal(gains.OrderDescending(), gains);
        Assert.Equal(fixes.Count, geojson.GetProperty("features").GetArrayLength());
        Assert.Equal(fixes.Count + 1, csv.TrimEnd('\n').Split('\n').Length);
        var bad = await (await api.Client.PostJson("/v1/fix-first", """{"origins": [], "minutes": 99}""")).Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("minutes", bad.ErrorFields());
        Assert.Contains("origins", bad.ErrorFields());
    }

    [Fact]
    public async Task Barrier_impact_without_reports_is_an_empty_list_and_checks_its_input()
    {
        var answer = await (await api.Client.PostJson("/v1/barrier-impact", """{"profile": "wheelchair", "minutes": 5}""")).Json();
        Assert.Equal(0, answer.GetProperty("reports").GetArrayLength());

        var bad = await (await api.Client.PostJson("/v1/barrier-impact", """{"minutes": 0, "profile": "rollerblades"}""")).Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("minutes", bad.ErrorFields());
        Assert.Contains("profile", bad.ErrorFields());
    }

    [Fact]
    public async Task A_fix_first_job_runs_in_the_background_and_ends_with_the_same_ranking()
    {
        const string Body = """{"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "wheelchair", "minutes": 10}""";
        var anonymous = await api.Client.PostJson("/v1/fix-first/jobs", Body);
        await anonymous.Problem(HttpStatusCode.Unauthorized, "api-key-required");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/fix-first/jobs")
        {
            Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", RoutingApiFactory.AnalysisPlannerKey);
        var started = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        string location = started.Headers.Location!.ToString();
        var job = await started.Json(HttpStatusCode.Accepted);
        Assert.Equal($"/v1/fix-first/jobs/{job.GetProperty("id").GetString()}", location);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (job.GetProperty("status").GetString() is "queued" or "running" && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            job = await (await api.Client.GetAsync(location)).Json();
        }
        var direct = await (await api.Client.PostJson("/v1/fix-first", Body)).Json();

        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("progress").GetDouble());
        Assert.Equal(direct.GetProperty("fixes").GetRawText(), job.GetProperty("result").GetProperty("fixes").GetRawText());
        await (await api.Client.GetAsync("/v1/fix-first/jobs/nope")).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
