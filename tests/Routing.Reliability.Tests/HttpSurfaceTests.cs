using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using Xunit.Abstractions;

namespace Routing.Reliability.Tests;

/// <summary>The Heidelberg service with its quotas off (ServiceHost), shared by the surfaces that route and the hostile clients' attacks.</summary>
public sealed class HeidelbergHost : IDisposable
{
    public ServiceHost Host { get; } = ServiceHost.Heidelberg();

    public HttpClient Client => _client ??= Host.CreateClient();

    private HttpClient? _client;

    public void Dispose()
    {
        _client?.Dispose();
        Host.Dispose();
    }
}

/// <summary>
/// Fuzzing every HTTP input surface through the real host: generated and mutated bodies and query strings. Whatever
/// arrives, the answer is below 500, an error is problem+json with a stable type (ORS's own error shape on its door),
/// and the service logs no error.
/// </summary>
public sealed class HttpSurfaceTests(HeidelbergHost heidelberg, ITestOutputHelper output) : IClassFixture<HeidelbergHost>
{
    private const string ProblemBase = "https://routing.example/problems/";

    private static readonly Gen<string> Constraints = Json.Object(
        ("max_incline_up_pct", Json.Number), ("max_incline_down_pct", Json.Number), ("max_kerb_cm", Json.Number),
        ("min_width_cm", Json.Number), ("avoid_surfaces", Json.ArrayOf(Json.Text.Select(Json.Quote), 0, 4)),
        ("min_smoothness", Json.Text.Select(Json.Quote)), ("steps", Json.Text.Select(Json.Quote)), ("unknown", Json.Text.Select(Json.Quote)),
        ("derived_incline", Json.Text.Select(Json.Quote)), ("speed_mps", Json.Number));

    /// <summary>The presets.</summary>
    private static readonly Gen<string> Profiles = Gen.OneOf<string>("wheelchair", "powered_wheelchair", "walker", "pushchair", "foot");

    /// <summary>A request the service should answer with a route or a reason: points in Heidelberg, a preset, limits in range.</summary>
    private static readonly Gen<string> WellFormedRoute = Gen.Select(
        Json.HeidelbergPoint, Json.HeidelbergPoint, Json.ArrayOf(Json.HeidelbergPoint, 0, 3),
        Profiles,
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20], Gen.Int[0, 30], Gen.Int[0, 200]),
        Gen.OneOf<string>("en", "de"), Gen.OneOf<string>("json", "geojson", "gpx"),
        (from, to, via, profile, limits, language, format) =>
            $$"""{"from": {{from}}, "to": {{to}}, "via": {{via}}, "profile": "{{profile}}", "constraints": {"max_incline_up_pct": {{limits.Item1}}, "max_incline_down_pct": {{limits.Item2}}, "max_kerb_cm": {{limits.Item3}}, "min_width_cm": {{limits.Item4}}}, "language": "{{language}}", "format": "{{format}}"}""");

    private static readonly Gen<string> RouteBody = Gen.Frequency((1, WellFormedRoute), (1, Json.Object(
        ("from", Json.LatLonObject), ("to", Json.LatLonObject), ("via", Json.ArrayOf(Json.LatLonObject, 0, 4)),
        ("profile", Json.Text.Select(Json.Quote)), ("constraints", Constraints), ("language", Json.Text.Select(Json.Quote)),
        ("format", Json.Text.Select(Json.Quote)), ("snap_radius_m", Json.Number))));

    private static readonly Gen<string> Geometry = Gen.Frequency(
        (3, Json.Position.Select(p => $$"""{"type": "Point", "coordinates": {{p}}}""")),
        (2, Json.ArrayOf(Json.Position, 0, 6).Select(line => $$"""{"type": "LineString", "coordinates": {{line}}}""")),
        (2, Json.ArrayOf(Json.ArrayOf(Json.Position, 0, 8), 0, 2).Select(rings => $$"""{"type": "Polygon", "coordinates": {{rings}}}""")),
        (1, Json.Any(3)));

    /// <summary>A report the fixture's service should take (or refuse for its place): near the fixture's ways, a known kind.</summary>
    private static readonly Gen<string> WellFormedBarrier = Gen.Select(
        Gen.OneOf<string>("elevator_out_of_service", "construction", "missing_kerb_ramp", "high_kerb", "blocked_path", "narrow_passage", "steep_ramp", "surface_damage", "other"),
        Gen.Double[49.409, 49.413], Gen.Double[8.689, 8.692], Gen.Int[0, 2000],
        (kind, lat, lon, length) => $$"""{"kind": "{{kind}}", "location": {"type": "Point", "coordinates": [{{lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, {{lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}]}, "description": "{{new string('d', length)}}"}""");

    private static readonly Gen<string> BarrierBody = Gen.Frequency((1, WellFormedBarrier), (2, Json.Object(
        ("kind", Json.Text.Select(Json.Quote)), ("location", Geometry), ("description", Json.Text.Select(Json.Quote)),
        ("valid_from", Json.Text.Select(Json.Quote)), ("valid_until", Json.Text.Select(Json.Quote)), ("kerb_height_cm", Json.Number),
        ("remaining_width_cm", Json.Number), ("incline_pct", Json.Number), ("status", Json.Text.Select(Json.Quote)))));

    /// <summary>What openrouteservice clients send: two or three positions in the city, sometimes wheelchair restrictions.</summary>
    private static readonly Gen<string> WellFormedOrs = Gen.Select(Json.ArrayOf(Json.HeidelbergPosition, 2, 3), Gen.Int[0, 12], Gen.Bool,
        (coordinates, incline, restricted) => restricted
            ? $$"""{"coordinates": {{coordinates}}, "options": {"profile_params": {"restrictions": {"maximum_incline": {{incline}}, "maximum_sloped_kerb": 0.06""" + "}}}}"
            : $$"""{"coordinates": {{coordinates}}, "instructions": true, "elevation": true}""");

    /// <summary>The wheelchair restrictions ORS takes in options.profile_params, for directions and isochrones alike.</summary>
    private static readonly Gen<string> OrsProfileParams = Json.Object(("restrictions", Json.Object(
        ("surface_type", Json.Text.Select(Json.Quote)), ("smoothness_type", Json.Text.Select(Json.Quote)),
        ("maximum_sloped_kerb", Json.Number), ("maximum_incline", Json.Number), ("minimum_width", Json.Number))));

    private static readonly Gen<string> OrsBody = Gen.Frequency((1, WellFormedOrs), (1, Json.Object(
        ("coordinates", Json.ArrayOf(Json.Position, 0, 5)), ("preference", Json.Text.Select(Json.Quote)), ("units", Json.Text.Select(Json.Quote)),
        ("language", Json.Text.Select(Json.Quote)), ("geometry", Json.Scalar), ("instructions", Json.Scalar), ("elevation", Json.Scalar),
        ("instructions_format", Json.Text.Select(Json.Quote)), ("extra_info", Json.ArrayOf(Json.Text.Select(Json.Quote), 0, 4)),
        ("radiuses", Json.ArrayOf(Json.Number, 0, 4)), ("options", Json.Object(
            ("avoid_features", Json.ArrayOf(Json.Text.Select(Json.Quote), 0, 3)),
            ("avoid_polygons", Geometry),
            ("profile_params", OrsProfileParams))))));

    /// <summary>
    /// A budget (seconds or metres): mostly small, so that a case costs one short search, else an edge the service
    /// must refuse. The largest allowed budgets are tried once each by the limit-edge tests, not here a hundred
    /// thousand times.
    /// </summary>
    private static readonly Gen<string> Budget = Gen.Frequency(
        (6, Gen.Int[1, 240].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Double[0, 240].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf<string>("0", "-0", "-1", "1e308", "-1e308", "1e-400", "4.9e-324", "3601", "20001", "123456789012345678901234567890", "\"60\"", "null")));

    private static readonly Gen<string> WellFormedIsochrones = Gen.Select(Json.ArrayOf(Json.HeidelbergPoint, 1, 2), Profiles,
        Json.ArrayOf(Gen.Int[10, 240].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, 3), Gen.Bool,
        (origins, profile, ranges, metres) => $$"""{"origins": {{origins}}, "profile": "{{profile}}", "{{(metres ? "ranges_m" : "ranges_s")}}": {{ranges}}}""");

    private static readonly Gen<string> IsochronesBody = Gen.Frequency((1, WellFormedIsochrones), (1, Json.Object(
        ("origins", Json.ArrayOf(Json.LatLonObject, 0, 3)), ("profile", Json.Text.Select(Json.Quote)), ("constraints", Constraints),
        ("ranges_s", Json.ArrayOf(Budget, 0, 4)), ("ranges_m", Json.ArrayOf(Budget, 0, 4)))));

    private static readonly Gen<string> WellFormedMatrix = Gen.Select(Json.ArrayOf(Json.HeidelbergPoint, 1, 3), Json.ArrayOf(Json.HeidelbergPoint, 1, 3), Profiles,
        (sources, destinations, profile) => $$"""{"sources": {{sources}}, "destinations": {{destinations}}, "profile": "{{profile}}"}""");

    private static readonly Gen<string> MatrixBody = Gen.Frequency((1, WellFormedMatrix), (1, Json.Object(
        ("sources", Json.ArrayOf(Json.LatLonObject, 0, 5)), ("destinations", Json.ArrayOf(Json.LatLonObject, 0, 5)),
        ("profile", Json.Text.Select(Json.Quote)), ("constraints", Constraints))));

    /// <summary>The profile in an ORS path: ORS's names, a name of ours ORS does not have, damaged ones.</summary>
    private static readonly Gen<string> OrsProfile = Gen.OneOf<string>("wheelchair", "foot-walking", "driving-car", "wheel%20chair", "x");

    private static readonly Gen<string> WellFormedOrsIsochrones = Gen.Select(Json.ArrayOf(Json.HeidelbergPosition, 1, 2),
        Gen.Int[10, 240], Gen.Int[0, 3], Gen.Bool,
        (locations, range, variant, area) => variant switch
        {
            0 => $$"""{"locations": {{locations}}, "range": [{{range}}]}""",
            1 => $$"""{"locations": {{locations}}, "range": [{{range}}], "interval": {{Math.Max(10, range / 3)}}, "attributes": [{{(area ? "\"area\"" : "")}}]}""",
            2 => $$"""{"locations": {{locations}}, "range": [{{range * 4}}], "range_type": "distance", "units": "m", "area_units": "km"}""",
            _ => $$"""{"locations": {{locations}}, "range": [{{range}}], "options": {"profile_params": {"restrictions": {"maximum_incline": 6, "maximum_sloped_kerb": 0.03""" + "}}}}",
        });

    private static readonly Gen<string> OrsIsochronesBody = Gen.Frequency((1, WellFormedOrsIsochrones), (1, Json.Object(
        ("locations", Json.ArrayOf(Json.Position, 0, 3)), ("range", Json.ArrayOf(Budget, 0, 4)),
        ("range_type", Gen.Frequency((3, Gen.OneOf<string>("time", "distance")), (1, Json.Text)).Select(Json.Quote)),
        ("interval", Gen.Frequency((3, Budget), (1, Gen.OneOf<string>("1e-300", "0.0000001", "0.5")))),
        ("units", Gen.Frequency((3, Gen.OneOf<string>("m", "km", "mi")), (1, Json.Text)).Select(Json.Quote)),
        ("location_type", Json.Text.Select(Json.Quote)), ("attributes", Json.ArrayOf(Json.Text.Select(Json.Quote), 0, 3)),
        ("smoothing", Json.Number), ("area_units", Json.Text.Select(Json.Quote)), ("id", Json.Text.Select(Json.Quote)),
        ("options", Json.Object(("profile_params", OrsProfileParams))))));

    /// <summary>Indices into the locations (some out of range), ["all"], or anything.</summary>
    private static readonly Gen<string> OrsIndices = Gen.Frequency(
        (3, Json.ArrayOf(Gen.Int[-1, 6].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0, 4)),
        (1, Gen.Const("[\"all\"]")),
        (1, Json.ArrayOf(Json.Scalar, 0, 3)));

    private static readonly Gen<string> WellFormedOrsMatrix = Gen.Select(Json.ArrayOf(Json.HeidelbergPosition, 2, 5), Gen.Bool,
        (locations, distance) => $$"""{"locations": {{locations}}, "sources": [0], "metrics": {{(distance ? """["duration", "distance"], "units": "km" """ : """["duration"]""")}}}""");

    private static readonly Gen<string> OrsMatrixBody = Gen.Frequency((1, WellFormedOrsMatrix), (1, Json.Object(
        ("locations", Json.ArrayOf(Json.Position, 0, 6)), ("sources", OrsIndices), ("destinations", OrsIndices),
        ("metrics", Json.ArrayOf(Gen.Frequency((3, Gen.OneOf<string>("duration", "distance")), (1, Json.Text)).Select(Json.Quote), 0, 3)),
        ("units", Json.Text.Select(Json.Quote)), ("resolve_locations", Json.Scalar), ("id", Json.Text.Select(Json.Quote)))));

    private static readonly string[] QueryKeys =
    [
        "from", "to", "via", "profile", "language", "format", "snap_radius_m", "max_incline_up_pct", "max_incline_down_pct",
        "max_kerb_cm", "min_width_cm", "avoid_surfaces", "min_smoothness", "steps", "unknown", "derived_incline", "speed_mps", "colour",
    ];

    private static readonly Gen<string> QueryValue = Gen.Frequency(
        (4, Gen.Select(Json.Lat, Json.Lon, (lat, lon) => $"{lat},{lon}")),
        (1, Gen.Select(Json.Lat, Json.Lon, Json.Lat, Json.Lon, (a, b, c, d) => $"{a},{b};{c},{d}")),
        (3, Json.Text),
        (2, Json.Number));

    private static readonly Gen<string> WellFormedQuery = Gen.Select(Json.HeidelbergLatLon, Json.HeidelbergLatLon,
        Gen.OneOf<string>("wheelchair", "walker", "foot"), Gen.Int[0, 12],
        (from, to, profile, incline) => $"/v1/routes?from={from}&to={to}&profile={profile}&max_incline_up_pct={incline}");

    private static readonly Gen<string> WildQuery = Gen.Select(Gen.OneOf<string>(QueryKeys), QueryValue).Array[0, 10]
        .Select(pairs => "/v1/routes?" + string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))));

    private static readonly Gen<string> Query = Gen.Frequency((1, WellFormedQuery), (1, WildQuery));

    [Fact]
    public Task Route_bodies_never_answer_5xx() =>
        Fuzz("route body", heidelberg.Host, heidelberg.Client, Json.Mutated(RouteBody), body => Post("/v1/routes", body, null), problemJson: true);

    [Fact]
    public Task Route_query_strings_never_answer_5xx() =>
        Fuzz("route query string", heidelberg.Host, heidelberg.Client, Query, path => new HttpRequestMessage(HttpMethod.Get, path), problemJson: true);

    [Fact]
    public Task Ors_directions_bodies_never_answer_5xx() =>
        Fuzz("ORS directions body", heidelberg.Host, heidelberg.Client, Gen.Select(OrsProfile, Json.Mutated(OrsBody)),
            pair => Post("/ors/v2/directions/" + pair.Item1, pair.Item2, null), problemJson: false);

    [Fact]
    public Task Ors_isochrones_bodies_never_answer_5xx() =>
        Fuzz("ORS isochrones body", heidelberg.Host, heidelberg.Client, Gen.Select(OrsProfile, Json.Mutated(OrsIsochronesBody)),
            pair => Post("/ors/v2/isochrones/" + pair.Item1, pair.Item2, null), problemJson: false);

    [Fact]
    public Task Ors_matrix_bodies_never_answer_5xx() =>
        Fuzz("ORS matrix body", heidelberg.Host, heidelberg.Client, Gen.Select(OrsProfile, Json.Mutated(OrsMatrixBody)),
            pair => Post("/ors/v2/matrix/" + pair.Item1, pair.Item2, null), problemJson: false);

    [Fact]
    public Task Isochrones_bodies_never_answer_5xx() =>
        Fuzz("isochrones body", heidelberg.Host, heidelberg.Client, Json.Mutated(IsochronesBody), body => Post("/v1/isochrones", body, null), problemJson: true);

    [Fact]
    public Task Matrix_bodies_never_answer_5xx() =>
        Fuzz("matrix body", heidelberg.Host, heidelberg.Client, Json.Mutated(MatrixBody), body => Post("/v1/matrix", body, null), problemJson: true);

    [Fact]
    public async Task Barrier_bodies_never_answer_5xx()
    {
        using var host = ServiceHost.Fixture();
        using var client = host.CreateClient();
        await Fuzz("barrier body", host, client, Json.Mutated(BarrierBody), body => Post("/v1/barriers", body, ServiceHost.PlannerKey), problemJson: true);
    }


    private async Task Fuzz<T>(string surface, ServiceHost host, HttpClient client, Gen<T> gen, Func<T, HttpRequestMessage> request, bool problemJson)
    {
        var statuses = new Tally();
        await gen.SampleAsync(async input =>
        {
            using var message = request(input);
            using var response = await client.SendAsync(message);
            string body = await response.Content.ReadAsStringAsync();
            int status = (int)response.StatusCode;
            statuses.Add(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(status < 500, $"{status}: {body}");
            if (status >= 400)
            {
                using var error = JsonDocument.Parse(body);
                if (problemJson)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.StartsWith(ProblemBase, error.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(error.RootElement.TryGetProperty("error", out _), body);
                }
            }
        }, iter: Cases.PerSurface, threads: 2);
        Cases.Report(output, surface, statuses.Total, statuses.ToString());
        Assert.Empty(host.Errors);
    }

    private static HttpRequestMessage Post(string path, byte[] body, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }
        return message;
    }
}
