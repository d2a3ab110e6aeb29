using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Routing.Analysis;
using Routing.Analysis.Http;
using Routing.Engine;
using Routing.Engine.Reach;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Routing.Ors;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Reliability.Tests;

/// <summary>
/// Issue 24's hostile client, through the real host: every fault of the client is a 4xx that names what is wrong and is
/// logged at Information at most; work is bounded before any search; a client that leaves stops the search; bodies
/// that a web page could send without asking (not JSON) are refused. Quotas have a host of their own
/// (<see cref="QuotaTests"/>).
/// </summary>
public sealed class HostileClientTests : IClassFixture<HeidelbergHost>
{
    private const string ProblemBase = "https://routing.example/problems/";
    private const string Bismarckplatz = """{"lat": 49.4094, "lon": 8.6934}""";
    private const string LoneSurrogate = "\\ud800";

    private readonly HeidelbergHost _hostile;

    /// <summary>What the service logged at Warning or above before this test (at start-up, say): only later lines count.</summary>
    private readonly int _warningsBefore;

    public HostileClientTests(HeidelbergHost hostile)
    {
        _hostile = hostile;
        _ = hostile.Client; // started
        _warningsBefore = hostile.Host.Warnings.Count;
        hostile.Host.Completed.Clear();
        hostile.Host.Started.Clear();
    }

    private HttpClient Client => _hostile.Client;

    public static TheoryData<string, string> OrsDoors => new()
    {
        { "/ors/v2/directions/wheelchair", """{"coordinates": [[8.6934, 49.4094], [8.7101, 49.4122]]}""" },
        { "/ors/v2/isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [60]}""" },
        { "/ors/v2/matrix/wheelchair", """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122]]}""" },
    };

    [Theory]
    [MemberData(nameof(OrsDoors))]
    public async Task The_ors_door_refuses_a_body_not_labelled_json_with_415_in_ors_shape(string path, string body)
    {
        foreach (string? contentType in (string?[])["text/plain", "application/x-www-form-urlencoded", null])
        {
            using var response = await Post(path, body, contentType);
            var error = await OrsError(response, HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("application/json", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        using var json = await Post(path, body);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        AssertNothingLoggedAboveInformation();
    }

    [Fact]
    public async Task The_v1_door_refuses_a_body_not_labelled_json_with_415()
    {
        using var response = await Post("/v1/isochrones", $$"""{"origins": [{{Bismarckplatz}}], "ranges_s": [60]}""", "text/plain");
        await Problem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    /// <summary>Where a lone surrogate escape answered 500 before (barriers, keys, ORS), and where it did not.</summary>
    public static TheoryData<string, string, string?> LoneSurrogates => new()
    {
        { "/v1/routes", $$"""{"from": {{Bismarckplatz}}, "to": {{Bismarckplatz}}, "profile": "{{LoneSurrogate}}"}""", null },
        { "/v1/isochrones", $$"""{"origins": [{{Bismarckplatz}}], "ranges_s": [60], "profile": "{{LoneSurrogate}}"}""", null },
        { "/v1/matrix", $$"""{"sources": [{{Bismarckplatz}}], "destinations": [{{Bismarckplatz}}], "profile": "{{LoneSurrogate}}"}""", null },
        { "/v1/fix-first", $$"""{"origins": [{{Bismarckplatz}}], "profile": "{{LoneSurrogate}}"}""", null },
        { "/v1/barriers", $$"""{"kind": "other", "location": {"type": "Point", "coordinates": [8.6934, 49.4094]}, "description": "a{{LoneSurrogate}}"}""", ServiceHost.PlannerKey },
        { "/v1/admin/api-keys", $$"""{"role": "reporter", "name": "{{LoneSurrogate}}"}""", ServiceHost.AdminKey },
        { "/v1/admin/api-keys", $$"""{"role": "reporter", "name": "low half alone \udc00"}""", ServiceHost.AdminKey },
        { "/ors/v2/directions/wheelchair", $$"""{"coordinates": [[8.6934, 49.4094], [8.7101, 49.4122]], "id": "{{LoneSurrogate}}"}""", null },
        { "/ors/v2/isochrones/wheelchair", $$"""{"locations": [[8.6934, 49.4094]], "range": [60], "id": "{{LoneSurrogate}}"}""", null },
        { "/ors/v2/matrix/wheelchair", $$"""{"locations": [[8.6934, 49.4094], [8.7101, 49.4122]], "id": "{{LoneSurrogate}}"}""", null },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task A_lone_surrogate_escape_is_a_400_never_a_500(string path, string body, string? key)
    {
        using var response = await Post(path, body, key: key);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        AssertNothingLoggedAboveInformation();
    }

    [Fact]
    public async Task A_proper_surrogate_pair_is_still_read()
    {
        using var response = await Post("/v1/admin/api-keys", """{"role": "reporter", "name": "wheel \ud83e\uddbd"}""", key: ServiceHost.AdminKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("wheel \U0001F9BD", answer.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(OrsDoors))]
    public async Task An_ors_body_over_its_limit_is_413_naming_the_limit(string path, string body)
    {
        string padded = body + new string(' ', OrsRequestReader.MaxBodyBytes + 1 - Encoding.UTF8.GetByteCount(body));

        using var response = await Post(path, padded);

        var error = await OrsError(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(4, error.GetProperty("code").GetInt32() % 100);
        Assert.Contains(OrsRequestReader.MaxBodyBytes.ToString(CultureInfo.InvariantCulture), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertNothingLoggedAboveInformation();
    }

    public static TheoryData<string, string, string> OverBudget => new()
    {
        // Each value within its own limit, together far more than one request may ask for.
        { "/v1/isochrones", $$"""{"origins": [{{string.Join(", ", Enumerable.Repeat(Bismarckplatz, AnalysisEndpoints.MaxOrigins))}}], "profile": "foot", "ranges_s": [3600, 3000, 2400, 1800, 1200, 600]}""", "origins" },
        { "/v1/isochrones", $$"""{"origins": [{{Bismarckplatz}}, {{Bismarckplatz}}], "profile": "foot", "ranges_m": [{{AnalysisEndpoints.MaxRangeM}}]}""", "origins" },
        { "/v1/fix-first", $$"""{"origins": [{{string.Join(", ", Enumerable.Repeat(Bismarckplatz, AnalysisEndpoints.MaxFixOrigins))}}], "profile": "walker", "minutes": 30}""", "minutes" },
        { "/v1/barrier-impact", $$"""{"origins": [{{string.Join(", ", Enumerable.Repeat(Bismarckplatz, AnalysisEndpoints.MaxFixOrigins))}}], "profile": "walker", "minutes": 60}""", "minutes" },
    };

    [Theory]
    [MemberData(nameof(OverBudget))]
    public async Task Work_over_the_budget_is_422_naming_the_limit_before_any_search(string path, string body, string field)
    {
        using var response = await Post(path, body);

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity, "work-budget-exceeded");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("requested").GetDouble() > problem.GetProperty("limit").GetDouble());
    }

    [Fact]
    public async Task Ors_isochrones_over_the_budget_are_refused_with_the_limit_named()
    {
        string body = $$"""{"locations": [{{string.Join(", ", Enumerable.Repeat("[8.6934, 49.4094]", OrsAnalysis.MaxLocations))}}], "range_type": "distance", "range": [{{OrsAnalysis.MaxRangeM}}]}""";

        var error = await OrsError(await Post("/ors/v2/isochrones/foot-walking", body), HttpStatusCode.BadRequest);

        Assert.Equal(3004, error.GetProperty("code").GetInt32());
        Assert.Contains($"{IsochroneBudget.MaxReachKm2} km²", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrsRequestMapper.MaxAvoidPolygons, 5, true)]
    [InlineData(OrsRequestMapper.MaxAvoidPolygons + 1, 5, false)]
    [InlineData(1, OrsRequestMapper.MaxAvoidPolygonPositions, true)]
    [InlineData(1, OrsRequestMapper.MaxAvoidPolygonPositions + 1, false)]
    public async Task Avoid_polygons_are_taken_up_to_their_limits_and_refused_one_over(int polygons, int positionsEach, bool taken)
    {
        string polygon = Ring(positionsEach);
        string body = """{"coordinates": [[8.6934, 49.4094], [8.7101, 49.4122]], "options": {"avoid_polygons": {"type": "MultiPolygon", "coordinates": ["""
            + string.Join(", ", Enumerable.Repeat(polygon, polygons)) + "]}}}";

        using var response = await Post("/ors/v2/directions/foot-walking", body);

        if (taken)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }
        var error = await OrsError(response, HttpStatusCode.BadRequest);
        Assert.Equal(2004, error.GetProperty("code").GetInt32());
    }

    /// <summary>
    /// With a token cancelled from the start, a search would throw at once: an answer naming the unplaceable second origin
    /// shows that every origin is placed before the first search begins.
    /// </summary>
    [Fact]
    public void Every_origin_is_placed_before_the_first_search()
    {
        using var scope = _hostile.Host.Services.CreateScope();
        var router = scope.ServiceProvider.GetRequiredService<Router>();
        Assert.True(router.Profiles.TryGet("foot", out var foot));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (isochrones, failure) = Isochrones.Compute(router, [new GeoPoint(49.4094, 8.6934), new GeoPoint(10, 10)], foot, ReachMetric.CostS, [600], cancelled.Token);

        Assert.Empty(isochrones);
        Assert.Equal(1, Assert.IsType<PointOutsideArea>(failure).WaypointIndex);
        Assert.Throws<OperationCanceledException>(() =>
            Isochrones.Compute(router, [new GeoPoint(49.4094, 8.6934)], foot, ReachMetric.CostS, [600], cancelled.Token));
    }

    /// <summary>
    /// Requests that search for seconds: wide isochrones, fix-first, and routes through the most via points allowed
    /// between far corners of the city with limits almost nothing meets (each leg refused, its least-bad route searched,
    /// then the climb rounds).
    /// </summary>
    public static TheoryData<string, string> LongSearches()
    {
        // 26 points on the network from 13 of the long pairs (benchmarks/queries/heidelberg-long-3-8km.csv): legs of 3-8 km.
        double[][] points =
        [
            [49.41864, 8.7225], [49.45401, 8.72445], [49.38408, 8.80555], [49.41769, 8.74973], [49.4478, 8.68969],
            [49.41154, 8.71528], [49.41226, 8.70164], [49.38102, 8.68213], [49.43118, 8.62315], [49.40061, 8.61242],
            [49.40036, 8.6782], [49.44732, 8.67539], [49.40598, 8.69914], [49.43662, 8.63826], [49.4755, 8.66397],
            [49.44483, 8.67425], [49.37669, 8.69403], [49.42557, 8.68511], [49.41268, 8.67864], [49.42015, 8.731],
            [49.40433, 8.67528], [49.42616, 8.75381], [49.42002, 8.74002], [49.41053, 8.70734], [49.37557, 8.70617],
            [49.38202, 8.65874],
        ];
        string Point(double[] p) => string.Create(CultureInfo.InvariantCulture, $$"""{"lat": {{p[0]}}, "lon": {{p[1]}}}""");
        string Position(double[] p) => string.Create(CultureInfo.InvariantCulture, $"[{p[1]}, {p[0]}]");
        string route = $$$"""{"from": {{{Point(points[0])}}}, "to": {{{Point(points[^1])}}}, "via": [{{{string.Join(", ", points[1..^1].Select(Point))}}}], "profile": "wheelchair", "constraints": {"max_incline_up_pct": 0.6, "max_incline_down_pct": 0.6}}""";
        const string NearlyFlat = """{"profile_params": {"restrictions": {"maximum_incline": 1}}}""";
        string ors = $$"""{"coordinates": [{{string.Join(", ", points.Select(Position))}}], "options": {{NearlyFlat}}}""";
        return new()
        {
            { "/v1/isochrones", """{"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "foot", "ranges_m": [5000]}""" },
            { "/ors/v2/isochrones/foot-walking", """{"locations": [[8.6934, 49.4094]], "range_type": "distance", "range": [5000]}""" },
            { "/v1/fix-first", """{"profile": "walker", "minutes": 20, "constraints": {"max_kerb_cm": 0}}""" },
            { "/v1/routes", route },
            { "/ors/v2/directions/wheelchair", ors },
        };
    }

    /// <summary>
    /// Requests that each take seconds of search, abandoned by their client while they compute: the service's work ends in
    /// cancellation (499) instead of running to its answer (200). The machine's clock is not asked; benchmarks/README.md
    /// gives the CPU measured after such a disconnect.
    /// </summary>
    [Theory]
    [MemberData(nameof(LongSearches))]
    public async Task A_search_whose_client_leaves_stops_with_the_client(string path, string body)
    {
        using var leaving = new CancellationTokenSource();
        var request = Post(path, body, cancellationToken: leaving.Token);
        await WaitUntil(() => _hostile.Host.Started.Contains(path), $"{path} never reached the service");
        await leaving.CancelAsync(); // the service has the request (reading it or searching): the client gives up
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        var (_, status) = await WaitUntilCompleted(path);

        Assert.Equal(ClientClosedRequest, status);
        AssertNothingLoggedAboveInformation();
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/app/app.js", false)]
    [InlineData("/v1/nowhere", false)]
    [InlineData("/scalar/v1", true)]
    public async Task Pages_and_answers_carry_the_security_headers(string path, bool page)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        string policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        string scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        if (page)
        {
            // Every script of the page is a file; a JSON data block is never run.
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// Issue 24 case 4: one reporter key posting comb-shaped polygons of 992 points along a route. A person may have 20
    /// reports waiting; the route still answers and warns of each comb it passes, whose shape it tests simplified.
    /// </summary>
    [Fact]
    public async Task Comb_reports_of_one_reporter_are_capped_and_routes_still_answer_with_their_warnings()
    {
        Task<HttpResponseMessage> PostComb(double lat) => Post("/v1/barriers",
            $$$"""{"kind": "construction", "location": {"type": "Polygon", "coordinates": [{{{Comb(lat)}}}]}}""", key: ServiceHost.ReporterKey,
            endUser: "comb-drawer"); // a person of their own: other tests' reports on this key do not count
        var accepted = new List<double>();
        var combIds = new HashSet<long>();
        for (int i = 0; i < 40 && accepted.Count < 20; i++)
        {
            using var created = await PostComb(49.4100 + (i * 0.0006));
            // A comb that crosses no way is not on the network (422) and waits nowhere.
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity,
                $"comb {i}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            if (created.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add(49.4100 + (i * 0.0006));
                combIds.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
            }
        }
        Assert.Equal(20, accepted.Count);
        using (var refused = await PostComb(accepted[0]))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("pending_reports", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quota").GetString());
        }

        // Bismarckplatz north to Neuenheim crosses the combs' latitudes.
        using var route = await Client.GetAsync("/v1/routes?from=49.4094,8.6934&to=49.4220,8.6920&profile=foot");
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        var named = (await route.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("routes")[0].GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("type").GetString() == "unverified_barrier")
            .Select(w => long.Parse(Regex.Match(w.GetProperty("message").GetString()!, @"\(report (\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(combIds.Contains)
            .ToList();
        Assert.NotEmpty(named); // the route crosses combs and says so, each once
        Assert.Equal(named.Count, named.Distinct().Count());
        AssertNothingLoggedAboveInformation();
    }

    /// <summary>Issue 24 case 8: a tile is the same for every caller, so it shows what anyone may see, never a report waiting for a planner.</summary>
    [Fact]
    public async Task A_tile_shows_reports_in_force_and_never_one_waiting_for_a_planner()
    {
        const string Near = """{"type": "Point", "coordinates": [8.6936, 49.4093]}""";
        using var pending = await Post("/v1/barriers", $$"""{"kind": "high_kerb", "location": {{Near}}, "kerb_height_cm": 9}""", key: ServiceHost.ReporterKey);
        using var verified = await Post("/v1/barriers", $$"""{"kind": "blocked_path", "location": {{Near}}}""", key: ServiceHost.PlannerKey);
        long pendingId = (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        long verifiedId = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Zoom 16 around Bismarckplatz.
        var (x, y) = (34350, 22392);
        using var response = await Client.GetAsync($"/v1/tiles/16/{x}/{y}.mvt?profile=wheelchair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = await response.Content.ReadAsStreamAsync();
        var tile = new MapboxTileReader().Read(stream, new VtTile(x, y, 16));
        var ids = tile.Layers.Single(l => l.Name == "barriers").Features.Select(f => Convert.ToInt64(f.Attributes["report_id"], CultureInfo.InvariantCulture)).ToList();

        Assert.Contains(verifiedId, ids);
        Assert.DoesNotContain(pendingId, ids);
        using var anonymous = await Client.GetAsync($"/v1/barriers/{pendingId}");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    /// <summary>A comb 3 km wide at <paramref name="lat"/>: 248 teeth 8 m wide and 40 m long, 4 m apart, and its back: 995 positions.</summary>
    private static string Comb(double lat)
    {
        const double MetresPerLat = 111_195, MetresPerLon = 72_500;
        var ring = new List<string>();
        for (int tooth = 0; tooth < 248; tooth++)
        {
            double west = 8.675 + (tooth * 12 / MetresPerLon), east = west + (8 / MetresPerLon);
            double bottom = lat + (1 / MetresPerLat), top = lat + (40 / MetresPerLat);
            ring.AddRange([Position(west, bottom), Position(west, top), Position(east, top), Position(east, bottom)]);
        }
        double last = 8.675 + (247 * 12 / MetresPerLon) + (8 / MetresPerLon);
        ring.AddRange([Position(last, lat), Position(8.675, lat), ring[0]]);
        return "[" + string.Join(", ", ring) + "]";

        static string Position(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"[{lon:F7}, {lat:F7}]");
    }

    private static string Ring(int positions)
    {
        var ring = Enumerable.Range(0, positions - 1)
            .Select(i => 2 * Math.PI * i / (positions - 1))
            .Select(angle => string.Create(CultureInfo.InvariantCulture, $"[{8.70 + (0.001 * Math.Cos(angle))}, {49.40 + (0.001 * Math.Sin(angle))}]"))
            .ToList();
        ring.Add(ring[0]);
        return $"[[{string.Join(", ", ring)}]]";
    }

    private async Task<(string Path, int Status)> WaitUntilCompleted(string path)
    {
        // Guards against a hang only: a search that ignored its client would end with 200, which the caller refuses.
        await WaitUntil(() => _hostile.Host.Completed.Any(c => c.Path == path), $"{path} never completed");
        return _hostile.Host.Completed.First(c => c.Path == path);
    }

    /// <summary>Polls an event of the service; the two minutes guard against a hang only, never time the machine.</summary>
    private static async Task WaitUntil(Func<bool> condition, string failure)
    {
        for (int i = 0; i < 1200 && !condition(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(condition(), failure);
    }

    private void AssertNothingLoggedAboveInformation()
    {
        var lines = _hostile.Host.Warnings.Skip(_warningsBefore).ToList();
        Assert.True(lines.Count == 0, string.Join('\n', lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
    }

    private async Task<HttpResponseMessage> Post(string path, string json, string? contentType = "application/json", string? key = null,
        string? endUser = null, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        if (contentType is not null)
        {
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }
        if (endUser is not null)
        {
            message.Headers.Add("X-End-User-Id", endUser);
        }
        return await Client.SendAsync(message, cancellationToken);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(ProblemBase + type, document.RootElement.GetProperty("type").GetString());
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> OrsError(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("error").Clone();
    }

    /// <summary>What ASP.NET Core records for a request whose client left before its answer.</summary>
    private const int ClientClosedRequest = 499;
}
