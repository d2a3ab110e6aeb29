using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Routing.Graph.Format;
using Routing.TestSupport;
using Routing.Texts;

namespace Routing.Transit.Tests;

/// <summary>The real service on the Heidelberg graph with the hand-written fixture feed as <c>Transit:Gtfs</c>.</summary>
public class TransitHost : WebApplicationFactory<Program>
{
    /// <summary>The <c>Transit:Gtfs</c> setting: the fixture; empty for the default start on the bundled data.</summary>
    protected virtual string Gtfs => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stepfree");

    /// <summary><c>Transit:TransfersAhead</c>: the presets' transfer walks computed in the background at start, as the service does.</summary>
    protected virtual bool TransfersAhead => true;

    public const string PlannerKey = "transit-tests-planner-key-0123456789";
    private readonly TempDirectory _directory = new();

    /// <summary>Where the graph is written (and the timetable file beside it): a folder of this host's own unless overridden.</summary>
    protected virtual string GraphPath => _directory.File("heidelberg.graph");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        string graph = GraphPath;
        if (!File.Exists(graph))
        {
            GraphFileWriter.Write(Heidelberg.Graph, graph);
        }
        builder.UseEnvironment("Production");
        builder.UseSetting("Routing:Graph", graph);
        builder.UseSetting("Routing:Osm", RepositoryPaths.HeidelbergExtract);
        builder.UseSetting("Routing:Elevation", "");
        builder.UseSetting("Transit:Gtfs", Gtfs);
        builder.UseSetting("Transit:TransfersAhead", TransfersAhead ? "true" : "false");
        builder.UseSetting("Barriers:Database", _directory.File("barriers.db"));
        builder.UseSetting("Barriers:ApiKeys:0:Key", PlannerKey);
        builder.UseSetting("Barriers:ApiKeys:0:Role", "planner");
        builder.UseSetting("GraphUpdates:WatchFile", "false");
        builder.UseSetting("Warmup:Enabled", "false"); // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
        builder.UseSetting("Quotas:ExpensivePerMinute", "0");
        builder.UseSetting("Quotas:ExpensiveConcurrent", "0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}

/// <summary>
/// Every "done when" item of issue 28 through the real host, on the fixture (stops around Sofienstraße and
/// Universitätsplatz): accessible trips taken, 2 never used, unknown strict or penalized, the elevator report,
/// calendars, frequencies, arrive-by. Each test asks at a time where exactly one answer is right.
/// </summary>
public sealed class TripApiTests(TransitHost host) : IClassFixture<TransitHost>
{
    private const string From = """{"lat": 49.4094, "lon": 8.6934}""";
    private const string To = """{"lat": 49.4122, "lon": 8.7101}""";

    internal static Task<(HttpStatusCode Status, JsonElement Body)> Trip(TransitHost host, string time, string transit = "{}", string timeField = "departure") =>
        Post(host, $$"""{"from": {{From}}, "to": {{To}}, "{{timeField}}": "{{time}}", "profile": "wheelchair", "transit": {{transit}}}""");

    /// <summary>A trip request's body as it is, and the answer's status and body.</summary>
    internal static async Task<(HttpStatusCode Status, JsonElement Body)> Post(TransitHost host, string body)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync("/v1/trips", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    internal static IEnumerable<JsonElement> Rides(JsonElement itinerary) =>
        itinerary.GetProperty("legs").EnumerateArray().Where(l => l.GetProperty("type").GetString() == "transit");

    /// <summary>The first itinerary that rides (the walk alone comes first when it is as good).</summary>
    internal static JsonElement FirstRiding(JsonElement answer) => answer.GetProperty("itineraries").EnumerateArray().First(i => Rides(i).Any());

    internal static string FirstTrip(JsonElement answer) => Rides(FirstRiding(answer)).First().GetProperty("trip_id").GetString()!;

    [Fact]
    public async Task An_accessible_trip_is_taken_and_inaccessible_trips_and_stops_never_are()
    {
        // Before 08:00: t_platformB_0801 (stop A2, wheelchair_boarding 2), t_unknown_0802 (strict refuses) and
        // t_inacc_0805 (wheelchair_accessible 2) all leave earlier than t_acc_0810.
        var (status, answer) = await Trip(host, "2026-12-07T07:58:00+01:00", """{"accessibility": "strict"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("t_acc_0810", FirstTrip(answer));
        foreach (var itinerary in answer.GetProperty("itineraries").EnumerateArray())
        {
            foreach (var ride in Rides(itinerary))
            {
                Assert.NotEqual("A2", ride.GetProperty("from").GetProperty("id").GetString());
                Assert.NotEqual("t_inacc_0805", ride.GetProperty("trip_id").GetString());
                Assert.Equal("yes", ride.GetProperty("wheelchair_accessible").GetString());
            }
            // The walk to the stop is the engine's route for the wheelchair: segments and instructions like /v1/routes.
            var walk = itinerary.GetProperty("legs")[0];
            Assert.Equal("walk", walk.GetProperty("type").GetString());
            Assert.True(walk.GetProperty("instructions").GetArrayLength() > 0);
        }
        var first = Rides(FirstRiding(answer)).First();
        Assert.Equal("tram", first.GetProperty("mode").GetString());
        Assert.Equal("5", first.GetProperty("route").GetProperty("short_name").GetString());
        Assert.Equal("2026-12-07T08:10:00+01:00", first.GetProperty("departure").GetString());
        Assert.False(answer.GetProperty("demo").GetBoolean());
    }

    [Fact]
    public async Task A_ride_with_a_shape_follows_it_from_stop_to_stop_and_one_without_joins_its_stops()
    {
        var (_, shaped) = await Trip(host, "2026-12-07T07:58:00+01:00", """{"accessibility": "strict"}""");
        var ride = Rides(FirstRiding(shaped)).First();
        Assert.Equal("t_acc_0810", ride.GetProperty("trip_id").GetString());
        var line = ride.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.Equal((8.6935, 49.4096), line[0]);   // stop A
        Assert.Equal((8.7101, 49.4122), line[^1]);  // stop B
        Assert.Contains((8.6990, 49.4110), line);   // shapes.txt's bends between them, in shape_pt_sequence order
        Assert.True(line.IndexOf((8.6990, 49.4110)) < line.IndexOf((8.7050, 49.4118)));

        var (_, joined) = await Trip(host, "2026-12-07T09:00:00+01:00", """{"accessibility": "strict"}""");
        var plain = Rides(FirstRiding(joined)).First();
        Assert.Equal("t_acc_0930", plain.GetProperty("trip_id").GetString());
        Assert.Equal(2, plain.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_trips_are_refused_in_strict_mode_and_used_with_a_cost_otherwise()
    {
        var (strictStatus, strict) = await Trip(host, "2026-12-07T09:00:00+01:00", """{"accessibility": "strict"}""");
        Assert.Equal(HttpStatusCode.OK, strictStatus);
        Assert.Equal("t_acc_0930", FirstTrip(strict));

        var (status, penalized) = await Trip(host, "2026-12-07T09:00:00+01:00", """{"accessibility": "penalize"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var best = FirstRiding(penalized);
        Assert.Equal("t_unknown_0905", FirstTrip(penalized));
        Assert.True(Rides(best).First().GetProperty("accessibility_unknown").GetBoolean());
        Assert.Contains(best.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_names_the_inaccessible_stop_and_offers_the_least_violating_itinerary()
    {
        // Arriving by 08:12:30 on a Monday only the trams t_platformB_0801 (from stop A2, wheelchair_boarding 2) and
        // t_unknown_0802 (strict refuses it) are in time.
        var (status, refusal) = await Trip(host, "2026-12-07T08:12:30+01:00", """{"accessibility": "strict", "modes": ["tram"]}""", timeField: "arrival");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var blockers = refusal.GetProperty("blockers").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("stop Bismarckplatz, platform B: not wheelchair accessible", blockers);
        Assert.Contains(blockers, b => b!.StartsWith("no accessible trip arriving by 08:12", StringComparison.Ordinal));
        var least = refusal.GetProperty("least_violating_itinerary");
        string trip = Rides(least).Single().GetProperty("trip_id").GetString()!;
        Assert.Contains(trip, new[] { "t_platformB_0801", "t_unknown_0802" });
        Assert.NotEmpty(least.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public async Task A_refusal_speaks_the_requests_language()
    {
        // The refusal above, asked in German: its blockers, detail and least-violating itinerary's notes from de.json.
        var (status, refusal) = await Post(host,
            """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "arrival": "2026-12-07T08:12:30+01:00", "profile": "wheelchair", "language": "de", "transit": {"accessibility": "strict", "modes": ["tram"]}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var german = Translations.Of("de");
        var blockers = refusal.GetProperty("blockers").EnumerateArray().Select(b => b.GetString()!).ToList();
        string platformB = german.Format("trip.stop_platform", "Bismarckplatz", "B");
        Assert.Contains(german.Format("trip.stop_not_accessible", platformB), blockers);
        Assert.Contains(german.Format("trip.none_accessible_by", "08:12"), blockers);
        Assert.Equal(german.Format("trip.no_trip", "wheelchair", string.Join("; ", blockers)), refusal.GetProperty("detail").GetString());
        var notes = refusal.GetProperty("least_violating_itinerary").GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.DoesNotContain("wheelchair", n, StringComparison.Ordinal)); // German says "Rollstuhl"
        // Either tram in time breaks a rule, named with the mode in German: platform B's stop, or the unknown trip.
        Assert.Contains(notes, n => n == german.Format("trip.stop_not_accessible", platformB)
            || n == german.Format("trip.trip_unknown", "t_unknown_0802", german.Get("mode.tram") + " 5"));
    }

    [Fact]
    public async Task A_point_outside_the_area_is_the_routes_problem_in_the_requests_language_naming_the_field()
    {
        const string Points = """{"from": {"lat": 48.1, "lon": 11.5}, "to": {"lat": 49.4122, "lon": 8.7101}, "profile": "wheelchair", "language": "de" """;
        var (status, trip) = await Post(host, Points + """, "departure": "2026-12-07T08:00:00+01:00"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("https://routing.example/problems/point-outside-area", trip.GetProperty("type").GetString());
        Assert.Equal("from", trip.GetProperty("field").GetString());

        using var client = host.CreateClient();
        using var response = await client.PostAsync("/v1/routes", new StringContent(Points + "}", Encoding.UTF8, "application/json"));
        var route = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(route.GetProperty("type").GetString(), trip.GetProperty("type").GetString());
        Assert.Equal(route.GetProperty("detail").GetString(), trip.GetProperty("detail").GetString());
        Assert.NotEqual(Translations.English.Get("problem.outside")[..8], trip.GetProperty("detail").GetString()![..8]);
    }

    [Fact]
    public async Task A_refusal_is_a_problem_of_its_own_stable_type()
    {
        using var client = host.CreateClient();
        const string Body = """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "arrival": "2026-12-07T08:12:30+01:00", "profile": "wheelchair", "transit": {"accessibility": "strict", "modes": ["tram"]}}""";
        using var response = await client.PostAsync("/v1/trips", new StringContent(Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://routing.example/problems/no-trip", problem.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("least_violating_itinerary").ValueKind);
    }

    [Fact]
    public async Task A_short_trip_is_the_walk_alone_and_a_long_one_rides()
    {
        var (shortStatus, answer) = await Post(host,
            """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4115, "lon": 8.6945}, "departure": "2026-12-07T07:58:00+01:00", "profile": "wheelchair"}""");
        Assert.True(shortStatus == HttpStatusCode.OK, answer.ToString());
        var walk = answer.GetProperty("itineraries")[0];
        var legs = walk.GetProperty("legs");
        Assert.Equal(1, legs.GetArrayLength());
        Assert.Equal("walk", legs[0].GetProperty("type").GetString());
        Assert.Equal(0, walk.GetProperty("transfers").GetInt32());
        Assert.Equal("2026-12-07T07:58:00+01:00", walk.GetProperty("departure").GetString());
        Assert.True(legs[0].GetProperty("instructions").GetArrayLength() > 0);
        // No ride that arrives later with as much effort is listed beside it.
        Assert.All(answer.GetProperty("itineraries").EnumerateArray().Skip(1), i =>
            Assert.True(i.GetProperty("arrival").GetDateTimeOffset() < walk.GetProperty("arrival").GetDateTimeOffset()
                        || i.GetProperty("walk_cost_s").GetDouble() + 60 < walk.GetProperty("walk_cost_s").GetDouble()));

        // Across the old town a tram about to leave is faster, and it comes first.
        var (status, ride) = await Trip(host, "2026-12-07T08:08:00+01:00", """{"accessibility": "strict"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(Rides(ride.GetProperty("itineraries")[0]));
    }

    [Fact]
    public async Task A_walk_leg_carries_the_segments_instructions_and_warnings_of_the_route_between_its_points()
    {
        const string Points = """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4115, "lon": 8.6945}, "profile": "wheelchair", "language": "de" """;
        var (tripStatus, trip) = await Post(host, Points + """, "departure": "2026-12-07T07:58:00+01:00"}""");
        Assert.True(tripStatus == HttpStatusCode.OK, trip.ToString());
        var walk = trip.GetProperty("itineraries")[0].GetProperty("legs").EnumerateArray().Single();
        Assert.Equal("walk", walk.GetProperty("type").GetString());

        using var client = host.CreateClient();
        using var response = await client.PostAsync("/v1/routes", new StringContent(Points + "}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var route = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("routes")[0];
        // The same JSON (values and names; strings compared unescaped): the walk's line too, which the segments index.
        foreach (string field in new[] { "segments", "instructions", "warnings", "geometry" })
        {
            Assert.True(JsonElement.DeepEquals(route.GetProperty(field), walk.GetProperty(field)), $"{field}: route {route.GetProperty(field)}, walk {walk.GetProperty(field)}");
        }
        Assert.NotEmpty(walk.GetProperty("segments").EnumerateArray());
    }

    [Theory]
    [InlineData("2026-12-07T07:58:00+01:00", true)]   // Monday
    [InlineData("2026-12-08T07:58:00+01:00", false)]  // Tuesday, removed by calendar_dates
    [InlineData("2026-12-13T07:58:00+01:00", true)]   // Sunday, added by calendar_dates
    [InlineData("2026-12-06T07:58:00+01:00", false)]  // Sunday
    public async Task Calendars_and_their_exceptions_hold(string departure, bool runs)
    {
        var (status, answer) = await Trip(host, departure, """{"accessibility": "strict", "modes": ["tram"]}""");
        if (runs)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("t_acc_0810", FirstTrip(answer));
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Contains(answer.GetProperty("blockers").EnumerateArray(), b => b.GetString()!.StartsWith("no accessible trip after 07:58", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Frequencies_expand_into_trips_that_can_be_caught()
    {
        var (status, answer) = await Trip(host, "2026-12-12T06:20:00+01:00"); // a Saturday: the frequency-based trip runs at weekends
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("freq@06:30:00", FirstTrip(answer));
    }

    [Fact]
    public async Task An_arrival_time_query_departs_as_late_as_it_can()
    {
        var (status, answer) = await Trip(host, "2026-12-07T08:25:00+01:00", """{"accessibility": "strict"}""", timeField: "arrival");
        Assert.Equal(HttpStatusCode.OK, status);
        var itinerary = FirstRiding(answer);
        Assert.Equal("t_acc_0810", FirstTrip(answer));
        Assert.True(itinerary.GetProperty("arrival").GetDateTimeOffset() <= DateTimeOffset.Parse("2026-12-07T08:25:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_trip_past_midnight_runs_on_the_service_day_before()
    {
        // Tuesday 8 December has no weekday service (calendar_dates removes it), yet Monday's night line, at 24:50:00 of
        // Monday's service day, leaves at 00:50 on Tuesday.
        var (status, answer) = await Trip(host, "2026-12-08T00:40:00+01:00", """{"modes": ["subway"]}""");
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("t_night_2450", FirstTrip(answer));
        var ride = Rides(FirstRiding(answer)).First();
        Assert.Equal("2026-12-08T00:50:00+01:00", ride.GetProperty("departure").GetString());
        Assert.Equal("2026-12-08T01:00:00+01:00", ride.GetProperty("arrival").GetString());
    }

    [Fact]
    public async Task A_late_evening_query_catches_the_next_service_days_first_trip()
    {
        // Wednesday 23:50: Wednesday's night line leaves at 24:50:00, Thursday's first one at 00:20:00 of Thursday.
        var (status, answer) = await Trip(host, "2026-12-09T23:50:00+01:00", """{"modes": ["subway"]}""");
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("t_early_0020", FirstTrip(answer));
        Assert.Equal("2026-12-10T00:20:00+01:00", Rides(FirstRiding(answer)).First().GetProperty("departure").GetString());
    }

    [Fact]
    public async Task An_arrival_time_query_across_midnight_takes_the_night_trip_of_the_day_before()
    {
        var (status, answer) = await Trip(host, "2026-12-08T01:05:00+01:00", """{"modes": ["subway"]}""", timeField: "arrival");
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("t_night_2450", FirstTrip(answer));
        Assert.True(FirstRiding(answer).GetProperty("arrival").GetDateTimeOffset()
                    <= DateTimeOffset.Parse("2026-12-08T01:05:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Transfers_txt_forbids_one_change_and_makes_another_take_its_minimum_time()
    {
        // Tram 5 reaches Universitätsplatz (B) at 08:20. The rail to the Hauptbahnhof leaves from C2 at 08:23 (B to C2:
        // transfer_type 3, not possible) and from C at 08:24 and 08:31 (B to C: at least 600 s): only 08:31 is possible.
        var (status, answer) = await Post(host,
            """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4036, "lon": 8.6757}, "departure": "2026-12-07T08:08:00+01:00", "profile": "wheelchair", "transit": {"accessibility": "strict", "modes": ["tram", "rail"]}}""");
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        var trips = answer.GetProperty("itineraries").EnumerateArray().SelectMany(Rides).Select(r => r.GetProperty("trip_id").GetString()).ToList();
        Assert.DoesNotContain("t_c2_0823", trips);
        Assert.DoesNotContain("t_c_0824", trips);
        var changing = answer.GetProperty("itineraries").EnumerateArray().Single(i => Rides(i).Count() == 2);
        Assert.Equal(["t_acc_0810", "t_c_0831"], Rides(changing).Select(r => r.GetProperty("trip_id").GetString()));
    }

    [Fact]
    public async Task The_service_says_ready_once_every_presets_transfer_walks_are_computed()
    {
        using var client = host.CreateClient();
        // Computed in the background from the start; a minute is far more than the fixture's few stops take.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Transfers_txt_within_one_stop_makes_a_change_there_take_its_minimum_time_or_forbids_it()
    {
        // Wednesday 16 December only (service k): bus 34 reaches Kornmarkt north (K) at 08:05, bus 35 leaves K at 08:07
        // and 08:16; the rule K to K (type 2, 600 s) leaves only 08:16. K lies too far from both ends to walk to.
        var (status, answer) = await Trip(host, "2026-12-16T07:55:00+01:00", """{"modes": ["bus"]}""");
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(["t_k_0800", "t_k_0816"], Rides(FirstRiding(answer)).Select(r => r.GetProperty("trip_id").GetString()));
        Assert.DoesNotContain("t_k_0807", answer.GetProperty("itineraries").EnumerateArray().SelectMany(Rides).Select(r => r.GetProperty("trip_id").GetString()));
        // Arriving by 08:25 the search runs backwards in time: the same change, by the same rule.
        var (byStatus, arriving) = await Trip(host, "2026-12-16T08:25:00+01:00", """{"modes": ["bus"]}""", timeField: "arrival");
        Assert.True(byStatus == HttpStatusCode.OK, arriving.ToString());
        Assert.Equal(["t_k_0800", "t_k_0816"], Rides(FirstRiding(arriving)).Select(r => r.GetProperty("trip_id").GetString()));

        // Bus 36 reaches Lindenweg north (L) at 09:05, bus 37 leaves L at 09:07 and 09:16; L to L is type 3: no change
        // there at all, so no bus reaches Universitätsplatz that morning.
        var (refusedStatus, refused) = await Trip(host, "2026-12-16T08:55:00+01:00", """{"modes": ["bus"]}""");
        Assert.True(refusedStatus == HttpStatusCode.UnprocessableEntity, refused.ToString());
        Assert.Contains(refused.GetProperty("blockers").EnumerateArray(), b => b.GetString()!.StartsWith("no accessible trip after 08:55", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "departure": "2026-12-07T08:00:00"}""", "departure")]
    [InlineData("""{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "transit": {"max_transfers": 9}}""", "transit.max_transfers")]
    [InlineData("""{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "transit": {"accessibility": "lenient"}}""", "transit.accessibility")]
    [InlineData("""{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "constraints": {"max_kerb_cm": "high"}}""", "constraints.max_kerb_cm")]
    [InlineData("""{"to": {"lat": 49.4122, "lon": 8.7101}}""", "from")]
    public async Task A_client_fault_is_a_400_naming_the_field(string body, string field)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync("/v1/trips", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://routing.example/problems/invalid-request", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_openapi_document_describes_trips_with_an_example()
    {
        using var client = host.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operation = doc.GetProperty("paths").GetProperty("/v1/trips").GetProperty("post");
        Assert.Equal("Step-free trips with public transport", operation.GetProperty("summary").GetString());
        Assert.Contains("\"transit\": {\"accessibility\"", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (string status in new[] { "200", "400", "413", "415", "422" })
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"no {status}");
        }
        // Examples from the answers' own types: a request, an itinerary with a walk and a ride, a refusal, a client fault.
        var request = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("wheelchair", request.GetProperty("profile").GetString());
        Assert.Equal("penalize", request.GetProperty("transit").GetProperty("accessibility").GetString());
        var responses = operation.GetProperty("responses");
        var itinerary = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("itineraries")[0];
        Assert.Equal(["walk", "transit", "walk"], itinerary.GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("type").GetString()));
        Assert.Equal("21", itinerary.GetProperty("legs")[1].GetProperty("route").GetProperty("short_name").GetString());
        var refusal = responses.GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.Equal("https://routing.example/problems/no-trip", refusal.GetProperty("type").GetString());
        Assert.True(refusal.GetProperty("least_violating_itinerary").GetProperty("legs").GetArrayLength() > 0);
        Assert.True(responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("example")
            .GetProperty("errors").TryGetProperty("transit.max_transfers", out _));
    }

    [Fact]
    public async Task Bodies_too_large_or_not_json_are_413_and_415()
    {
        using var client = host.CreateClient();
        using var large = await client.PostAsync("/v1/trips", new StringContent(new string(' ', 20_000) + "{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("body-too-large", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var text = await client.PostAsync("/v1/trips", new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("text/plain")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }
}

/// <summary>The elevator report in a host of its own: a report stays in force, and other tests' walks pass near it.</summary>
public sealed class ElevatorReportTests(TransitHost host) : IClassFixture<TransitHost>
{
    [Fact]
    public async Task An_elevator_out_of_service_forces_the_other_platform_or_a_refusal_that_names_it()
    {
        var (_, before) = await TripApiTests.Trip(host, "2026-12-07T07:00:00+01:00", """{"modes": ["bus"]}""");
        Assert.Equal("t_p1_0710", TripApiTests.FirstTrip(before)); // platform 1, by the lift
        var (beforeLate, lateAnswer) = await TripApiTests.Trip(host, "2026-12-07T07:25:00+01:00", """{"modes": ["bus"]}""");
        Assert.Equal(HttpStatusCode.OK, beforeLate);
        Assert.Equal("t_p1_0740", TripApiTests.FirstTrip(lateAnswer));

        using var client = host.CreateClient();
        using var report = new HttpRequestMessage(HttpMethod.Post, "/v1/barriers")
        {
            Content = new StringContent("""{"kind": "elevator_out_of_service", "location": {"type": "Point", "coordinates": [8.6936, 49.4094]}}""",
                Encoding.UTF8, "application/json"),
        };
        report.Headers.Add("X-Api-Key", TransitHost.PlannerKey);
        using var created = await client.SendAsync(report);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (afterStatus, after) = await TripApiTests.Trip(host, "2026-12-07T07:00:00+01:00", """{"modes": ["bus"]}""");
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.Equal("t_p2_0720", TripApiTests.FirstTrip(after)); // platform 2, by the ramp
        Assert.Equal("Sofienstraße Station, platform 2", TripApiTests.Rides(TripApiTests.FirstRiding(after)).First().GetProperty("from").GetProperty("name").GetString());

        var (refusedStatus, refused) = await TripApiTests.Trip(host, "2026-12-07T07:25:00+01:00", """{"modes": ["bus"]}""");
        Assert.True(refusedStatus == HttpStatusCode.UnprocessableEntity, refused.ToString());
        Assert.Equal("https://routing.example/problems/no-trip", refused.GetProperty("type").GetString());
        Assert.Contains(refused.GetProperty("blockers").EnumerateArray(), b => b.GetString() == "elevator lift_1 at Sofienstraße Station: out of service (report 1)");
    }
}

/// <summary>The default start: no feed configured, so the demo timetable derived from the extract's route relations.</summary>
public sealed class DemoTransitHost : TransitHost
{
    protected override string Gtfs => "";

    /// <summary>Five presets' walks between the demo's 663 stops are seconds of work no test here waits for.</summary>
    protected override bool TransfersAhead => false;
}

public sealed class DemoFeedApiTests(DemoTransitHost host) : IClassFixture<DemoTransitHost>
{
    /// <summary>Sofienstraße to the main station on the demo timetable: walks and a tram.</summary>
    private const string DemoTrip =
        """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4036, "lon": 8.6757}, "departure": "2026-12-07T10:00:00+01:00", "profile": "wheelchair"}""";

    [Fact]
    public async Task The_default_start_answers_from_the_demo_feed_and_says_so()
    {
        var (status, answer) = await TripApiTests.Post(host, DemoTrip);
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        Assert.True(answer.GetProperty("demo").GetBoolean());
        Assert.Contains("Demo timetable", answer.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("itineraries").EnumerateArray().Any(i => TripApiTests.Rides(i).Any()), answer.ToString());
    }

    /// <summary>
    /// The document types a leg as oneOf a walk and a ride told apart by <c>type</c>, a walk's parts as a route's own
    /// components; every member the demo answer's legs write, at any depth, is declared there with a type that admits it.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_declares_both_kinds_of_leg_and_every_member_an_answer_writes()
    {
        using var client = host.CreateClient();
        var schemas = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");
        var leg = Resolve(schemas, schemas.GetProperty("ItineraryDto").GetProperty("properties").GetProperty("legs").GetProperty("items"));
        var discriminator = leg.GetProperty("discriminator");
        Assert.Equal("type", discriminator.GetProperty("propertyName").GetString());
        var kinds = discriminator.GetProperty("mapping").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString()!);
        Assert.Equal(["transit", "walk"], kinds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(kinds.Values.Order(StringComparer.Ordinal), leg.GetProperty("oneOf").EnumerateArray().Select(k => Reference(k)!).Order(StringComparer.Ordinal));
        Assert.False(leg.TryGetProperty("anyOf", out _));
        foreach (var (name, reference) in kinds)
        {
            var kind = schemas.GetProperty(reference.Split('/')[^1]);
            Assert.Contains("type", kind.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal([name], kind.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
        var walk = schemas.GetProperty(kinds["walk"].Split('/')[^1]).GetProperty("properties");
        var route = schemas.GetProperty("RouteDto").GetProperty("properties");
        foreach (string part in new[] { "geometry", "segments", "instructions", "warnings" })
        {
            Assert.Equal(Reference(route.GetProperty(part)), Reference(walk.GetProperty(part)));
        }

        var (status, answer) = await TripApiTests.Post(host, DemoTrip);
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        var legs = answer.GetProperty("itineraries").EnumerateArray().SelectMany(i => i.GetProperty("legs").EnumerateArray()).ToList();
        Assert.Equal(["transit", "walk"], legs.Select(l => l.GetProperty("type").GetString()).Distinct().Order(StringComparer.Ordinal));
        foreach (var written in legs)
        {
            string type = written.GetProperty("type").GetString()!;
            AssertDeclared(schemas, schemas.GetProperty(kinds[type].Split('/')[^1]), written, type);
        }
    }

    /// <summary>The first component a property's schema refers to, wherever it sits (in place, in items, beside null).</summary>
    private static string? Reference(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Object when schema.TryGetProperty("$ref", out var reference) => reference.GetString(),
        JsonValueKind.Object => schema.EnumerateObject().Select(p => Reference(p.Value)).FirstOrDefault(r => r is not null),
        JsonValueKind.Array => schema.EnumerateArray().Select(Reference).FirstOrDefault(r => r is not null),
        _ => null,
    };

    /// <summary>The schema itself: a component followed, and the one alternative beside null of a nullable member.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(schemas, schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        }
        if (!schema.TryGetProperty("properties", out _) && schema.TryGetProperty("oneOf", out var alternatives)
            && alternatives.EnumerateArray().Where(a => !AdmitsNull(a)).ToList() is [var only])
        {
            return Resolve(schemas, only);
        }
        return schema;
    }

    private static bool AdmitsNull(JsonElement schema) =>
        Types(schema).Contains("null") || (schema.TryGetProperty("oneOf", out var alternatives) && alternatives.EnumerateArray().Any(AdmitsNull));

    private static string[] Types(JsonElement schema) => !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private static void AssertDeclared(JsonElement schemas, JsonElement schema, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(AdmitsNull(schema), $"{path} is null, which its schema does not admit");
            return;
        }
        schema = Resolve(schemas, schema);
        string[] types = Types(schema);
        string kind = value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        };
        Assert.True(types.Contains(kind) || (kind == "number" && types.Contains("integer")), $"{path} is {kind}, its schema says [{string.Join(", ", types)}]");
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject())
            {
                Assert.True(schema.GetProperty("properties").TryGetProperty(member.Name, out var declared), $"{path}.{member.Name} is not declared");
                AssertDeclared(schemas, declared, member.Value, $"{path}.{member.Name}");
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in value.EnumerateArray())
            {
                AssertDeclared(schemas, schema.GetProperty("items"), item, $"{path}[{index++}]");
            }
        }
    }
}
