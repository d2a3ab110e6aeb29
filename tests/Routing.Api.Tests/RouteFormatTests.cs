using System.Text.Json;
using System.Xml.Linq;
using Routing.Api.Hosting;
using Routing.Routes.Http;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Api.Tests;

/// <summary>
/// How an engine route and an engine no-route become the API's JSON, GeoJSON, GPX and problem: checked on a
/// hand-made route, so these run without the search.
/// </summary>
public sealed class RouteFormatTests
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private static ProfileSettings Wheelchair => ProfileCatalog.Default.TryGet("wheelchair", out var p) ? p : throw new InvalidOperationException();

    /// <summary>Four points, two segments: a tagged asphalt footway, then a crossing that starts at a 2 cm kerb.</summary>
    private static Route SampleRoute(ElevationProfile? elevation = null) => new()
    {
        Elevation = elevation,
        DistanceM = 183.46,
        DurationS = 203.84,
        CostS = 251.149,
        Bbox = new BoundingBox(49.41, 8.69, 49.4115, 8.692),
        Geometry = [new(49.41000004, 8.69), new(49.4105, 8.6905), new(49.411, 8.691), new(49.41149996, 8.692)],
        Segments =
        [
            new RouteSegment
            {
                DistanceM = 68.04, DurationS = 75.6, FirstPoint = 0, LastPoint = 1, OsmWayId = 200, Name = "", Highway = "footway",
                Surface = new("asphalt", Evidence.Tagged), Smoothness = new(null, Evidence.Unknown), WidthCm = new(200, Evidence.Tagged),
                InclinePct = new(1.2345, Evidence.Derived), AverageInclinePct = 0.75, InclineConfidence = InclineConfidence.Low, ChanceBeyondLimit = 0.4251, Crossing = null, Elevator = false, Steps = false, Ramp = false, Sidewalk = false,
                Unknown = UnknownFacts.Smoothness,
            },
            new RouteSegment
            {
                DistanceM = 115.42, DurationS = 128.24, FirstPoint = 1, LastPoint = 3, OsmWayId = 300, Name = "Plöck", Highway = "crossing",
                Surface = new(null, Evidence.Unknown), Smoothness = new(null, Evidence.Unknown), WidthCm = new(null, Evidence.Unknown),
                InclinePct = new(null, Evidence.Unknown), InclineDirection = "up",
                KerbAtStart = new KerbCrossing("lowered", new(2, Evidence.Derived), 7, new(49.4105, 8.6905)),
                Crossing = "marked", Elevator = false, Steps = false, Ramp = false, Sidewalk = false,
                Unknown = UnknownFacts.Surface | UnknownFacts.Width | UnknownFacts.Incline,
            },
        ],
        Summary = new RouteSummary
        {
            UnknownShare = 0.62912,
            UnknownShareByFact = new Dictionary<string, double> { ["surface"] = 0.62912, ["width"] = 0.62912 },
            KerbsCrossed = 1,
            Crossings = 1,
            Elevators = 0,
            Profile = new ConstraintOverrides { MaxKerbCm = 2 }.ApplyTo(Wheelchair),
        },
        Instructions =
        [
            new Instruction("depart", "Head north on the footway", 68.04, new(49.41000004, 8.69), 0, null),
            new Instruction("kerb", "Cross the lowered kerb (2 cm)", 115.42, new(49.4105, 8.6905), 1, "Plöck"),
            new Instruction("arrive", "You have arrived", 0, new(49.41149996, 8.692), 1, null),
        ],
        Warnings = [new RouteWarning("unknown_width", "Width unknown for 115 m", 1, new(49.4105, 8.6905))],
        Waypoints =
        [
            new SnappedWaypoint(new(49.41, 8.69), new(49.41000004, 8.69), 0.04, 200),
            new SnappedWaypoint(new(49.4115, 8.692), new(49.41149996, 8.692), 0.04, 300),
        ],
    };

    private static JsonElement Serialize<T>(T value) => JsonSerializer.SerializeToElement(value, Json);

    [Fact]
    public void Json_answer_is_snake_case_with_rounded_numbers_and_facts_with_evidence()
    {
        var route = Serialize(new RoutesResponse([RouteMapper.ToDto(SampleRoute())])).GetProperty("routes")[0];

        Assert.Equal(183.5, route.GetProperty("distance_m").GetDouble());
        Assert.Equal(203.8, route.GetProperty("duration_s").GetDouble());
        Assert.Equal(251.1, route.GetProperty("cost_s").GetDouble());
        Assert.Equal([8.69, 49.41, 8.692, 49.4115], route.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        Assert.StartsWith("""{"type":"LineString",""", route.GetProperty("geometry").GetRawText(), StringComparison.Ordinal);
        var coordinates = route.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(4, coordinates.GetArrayLength());
        Assert.Equal("[8.69,49.41]", coordinates[0].GetRawText());
        Assert.Equal("[8.692,49.4115]", coordinates[3].GetRawText());
        // Without a terrain model the heights are null, not zero: zero would claim a flat route at sea level.
        Assert.Equal(JsonValueKind.Null, route.GetProperty("ascent_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, route.GetProperty("elevation_profile").ValueKind);

        var first = route.GetProperty("segments")[0];
        Assert.Equal(0, first.GetProperty("index").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("name").ValueKind);
        Assert.Equal("""{"value":"asphalt","evidence":"tagged"}""", first.GetProperty("surface").GetRawText());
        Assert.Equal("""{"value":null,"evidence":"unknown"}""", first.GetProperty("smoothness").GetRawText());
        Assert.Equal("""{"value":1.2,"average":0.8,"evidence":"derived","confidence":"low","chance_beyond_limit":0.43}""", first.GetProperty("incline_pct").GetRawText());
        Assert.Equal("""["smoothness"]""", first.GetProperty("unknown").GetRawText());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("kerb_at_start").ValueKind);

        var second = route.GetProperty("segments")[1];
        Assert.Equal("Plöck", second.GetProperty("name").GetString());
        Assert.Equal("marked", second.GetProperty("crossing").GetString());
        Assert.Equal("up", second.GetProperty("incline_direction").GetString());
        Assert.Equal("""["surface","width","incline"]""", second.GetProperty("unknown").GetRawText());
        var kerb = second.GetProperty("kerb_at_start");
        Assert.Equal("lowered", kerb.GetProperty("kind").GetString());
        Assert.Equal("""{"value":2,"evidence":"derived"}""", kerb.GetProperty("height_cm").GetRawText());
        Assert.Equal(7, kerb.GetProperty("osm_node_id").GetInt64());
        Assert.Equal("""{"lat":49.4105,"lon":8.6905}""", kerb.GetProperty("location").GetRawText());

        var summary = route.GetProperty("summary");
        Assert.Equal(0.629, summary.GetProperty("unknown_share").GetDouble());
        Assert.Equal(0.629, summary.GetProperty("unknown_share_by_fact").GetProperty("width").GetDouble());
        Assert.Equal(1, summary.GetProperty("kerbs_crossed").GetInt32());
        Assert.Equal(2, summary.GetProperty("profile").GetProperty("max_kerb_cm").GetInt32());
        Assert.Equal("never", summary.GetProperty("profile").GetProperty("steps").GetString());

        var instruction = route.GetProperty("instructions")[1];
        Assert.Equal("kerb", instruction.GetProperty("type").GetString());
        Assert.Equal(115.4, instruction.GetProperty("distance_m").GetDouble());
        Assert.Equal(1, instruction.GetProperty("segment_index").GetInt32());
        Assert.Equal("Plöck", instruction.GetProperty("name").GetString());
        Assert.Equal("unknown_width", route.GetProperty("warnings")[0].GetProperty("type").GetString());
        Assert.Equal(200, route.GetProperty("waypoints")[0].GetProperty("osm_way_id").GetInt64());
        Assert.Equal(49.41, route.GetProperty("waypoints")[0].GetProperty("snapped").GetProperty("lat").GetDouble());
    }

    /// <summary>Heights along the four sample points: up 3.26 m, down 1 m, up 2.01 m.</summary>
    private static readonly ElevationProfile SampleElevation = new([0, 68.04, 120.0, 183.46], [110.04, 113.3, 112.3, 114.31], 5.27, 1);

    [Fact]
    public void Json_answer_with_a_terrain_model_has_climb_profile_and_heights_in_the_coordinates()
    {
        var route = Serialize(new RoutesResponse([RouteMapper.ToDto(SampleRoute(SampleElevation))])).GetProperty("routes")[0];

        Assert.Equal(5.3, route.GetProperty("ascent_m").GetDouble());
        Assert.Equal(1, route.GetProperty("descent_m").GetDouble());
        Assert.Equal("[[0,110],[68,113.3],[120,112.3],[183.5,114.3]]", route.GetProperty("elevation_profile").GetRawText());
        var coordinates = route.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal("[8.69,49.41,110]", coordinates[0].GetRawText());
        Assert.Equal("[8.692,49.4115,114.3]", coordinates[3].GetRawText());
    }

    [Fact]
    public void Geojson_and_gpx_carry_the_heights()
    {
        var geo = Serialize(GeoJsonRoute.From(SampleRoute(SampleElevation)));
        var gpx = XDocument.Parse(GpxWriter.Write(SampleRoute(SampleElevation), "wheelchair"));

        Assert.Equal(5.3, geo.GetProperty("route").GetProperty("ascent_m").GetDouble());
        Assert.Equal(4, geo.GetProperty("route").GetProperty("elevation_profile").GetArrayLength());
        Assert.Equal("[[8.69,49.41,110],[8.6905,49.4105,113.3]]", geo.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        XNamespace ns = GpxWriter.Namespace;
        Assert.Equal(["110", "113.3", "112.3", "114.3"], gpx.Descendants(ns + "trkpt").Select(p => p.Element(ns + "ele")!.Value));
    }

    [Fact]
    public void Geojson_has_one_feature_per_segment_with_its_own_stretch_of_the_line()
    {
        var geo = Serialize(GeoJsonRoute.From(SampleRoute()));

        Assert.StartsWith("""{"type":"FeatureCollection",""", geo.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(4, geo.GetProperty("bbox").GetArrayLength());
        var features = geo.GetProperty("features");
        Assert.Equal(2, features.GetArrayLength());
        Assert.Equal("Feature", features[0].GetProperty("type").GetString());
        Assert.Equal("[[8.69,49.41],[8.6905,49.4105]]", features[0].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.Equal(3, features[1].GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Equal(1, features[1].GetProperty("properties").GetProperty("index").GetInt32());
        Assert.Equal(300, features[1].GetProperty("properties").GetProperty("osm_way_id").GetInt64());
        Assert.Equal("unknown", features[1].GetProperty("properties").GetProperty("surface").GetProperty("evidence").GetString());
        var route = geo.GetProperty("route");
        Assert.Equal(183.5, route.GetProperty("distance_m").GetDouble());
        Assert.Equal(3, route.GetProperty("instructions").GetArrayLength());
        Assert.False(route.TryGetProperty("segments", out _));
    }

    [Fact]
    public void Gpx_is_version_1_1_with_a_track_and_the_instructions_as_waypoints()
    {
        var gpx = XDocument.Parse(GpxWriter.Write(SampleRoute(), "wheelchair"));

        XNamespace ns = GpxWriter.Namespace;
        Assert.Equal(ns + "gpx", gpx.Root!.Name);
        Assert.Equal("1.1", gpx.Root.Attribute("version")?.Value);
        var points = gpx.Root.Element(ns + "trk")!.Element(ns + "trkseg")!.Elements(ns + "trkpt").ToList();
        Assert.Equal(4, points.Count);
        Assert.Equal("49.41", points[0].Attribute("lat")?.Value);
        Assert.Equal("8.692", points[3].Attribute("lon")?.Value);
        Assert.All(points, p => Assert.Null(p.Element(ns + "ele")));
        var waypoints = gpx.Root.Elements(ns + "wpt").ToList();
        Assert.Equal(["Head north on the footway", "Cross the lowered kerb (2 cm)", "You have arrived"], waypoints.Select(w => w.Element(ns + "name")!.Value));
        Assert.Equal(["depart", "kerb", "arrive"], waypoints.Select(w => w.Element(ns + "type")!.Value));
        Assert.All(waypoints, w => Assert.False(string.IsNullOrWhiteSpace(w.Element(ns + "desc")?.Value)));
        // GPX 1.1 order: metadata, wpt*, trk*.
        Assert.Equal(["metadata", "wpt", "wpt", "wpt", "trk"], gpx.Root.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void No_route_problem_names_constraint_place_and_amount()
    {
        var outcome = new NoRoute(0,
        [
            new Blocker(new Violation(Constraint.Kerb, 12, 0, "cm"), "kerb 12 cm at node 9, limit 0 cm", new GeoPoint(49.412, 8.691), 300, 9),
            new Blocker(new Violation(Constraint.Construction), "way 400 is under construction", new GeoPoint(49.4115, 8.691), 400, null),
        ]);

        var problem = Serialize(RouteProblems.NoRoute(outcome, 2, Wheelchair, Translations.English));

        Assert.Equal("https://routing.example/problems/no-route", problem.GetProperty("type").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("kerb 12 cm at node 9, limit 0 cm", detail, StringComparison.Ordinal);
        Assert.Contains("way 400 is under construction", detail, StringComparison.Ordinal);
        Assert.Contains("from the start to the destination", detail, StringComparison.Ordinal);
        var kerb = problem.GetProperty("blockers")[0];
        Assert.Equal("kerb", kerb.GetProperty("constraint").GetString());
        Assert.Equal("max_kerb_cm", kerb.GetProperty("request_field").GetString());
        Assert.Equal("12", kerb.GetProperty("lift").GetString());
        Assert.Equal(12, kerb.GetProperty("actual").GetDouble());
        Assert.Equal(0, kerb.GetProperty("limit").GetDouble());
        Assert.Equal("cm", kerb.GetProperty("unit").GetString());
        Assert.Equal("""{"lat":49.412,"lon":8.691}""", kerb.GetProperty("location").GetRawText());
        Assert.Equal(9, kerb.GetProperty("osm_node_id").GetInt64());
        var construction = problem.GetProperty("blockers")[1];
        Assert.Equal("construction", construction.GetProperty("constraint").GetString());
        Assert.Equal(JsonValueKind.Null, construction.GetProperty("request_field").ValueKind);
        Assert.Equal(JsonValueKind.Null, construction.GetProperty("lift").ValueKind);
        Assert.Equal(400, construction.GetProperty("osm_way_id").GetInt64());
    }

    [Fact]
    public void Blockers_said_alike_are_said_once_in_the_detail_and_each_kept_in_blockers()
    {
        var outcome = new NoRoute(0,
        [
            new Blocker(new Violation(Constraint.Steps), "steps", new GeoPoint(49.412, 8.691), 300, null),
            new Blocker(new Violation(Constraint.Steps), "steps", new GeoPoint(49.413, 8.692), 301, null),
        ]);

        var problem = Serialize(RouteProblems.NoRoute(outcome, 2, Wheelchair, Translations.English));

        string detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("steps; steps", detail, StringComparison.Ordinal);
        Assert.Contains(": steps.", detail, StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("blockers").GetArrayLength());
    }

    [Fact]
    public void Point_problems_name_the_waypoint_and_the_radius()
    {
        var notOnNetwork = Serialize(RouteProblems.PointNotOnNetwork(new PointNotOnNetwork(1, new GeoPoint(49.416, 8.695), 50, 412.345), 3, "walker", Translations.English));
        var outside = Serialize(RouteProblems.PointOutsideArea(new PointOutsideArea(2, new GeoPoint(52.52, 13.405)), 3, [8.69, 49.41, 8.701, 49.4202], Translations.English));

        Assert.Equal("https://routing.example/problems/point-not-on-network", notOnNetwork.GetProperty("type").GetString());
        Assert.Equal(1, notOnNetwork.GetProperty("waypoint_index").GetInt32());
        Assert.Equal("via point 1", notOnNetwork.GetProperty("waypoint").GetString());
        Assert.Equal(50, notOnNetwork.GetProperty("snap_radius_m").GetDouble());
        Assert.Equal(412.3, notOnNetwork.GetProperty("nearest_usable_m").GetDouble());
        Assert.Contains(Translations.English.Get("profile.walker"), notOnNetwork.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://routing.example/problems/point-outside-area", outside.GetProperty("type").GetString());
        Assert.Equal("destination", outside.GetProperty("waypoint").GetString());
        Assert.Equal(4, outside.GetProperty("area_bbox").GetArrayLength());
    }
}
