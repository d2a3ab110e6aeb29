using System.Globalization;
using System.Text;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.TestSupport;
using Routing.Transit.Gtfs;
using Routing.Transit.Trips;

namespace Routing.Transit.Tests;

/// <summary>
/// Transfer walks computed ahead for the presets, and checked again only where a request differs (stricter limits,
/// reports that came since), plan exactly what walks computed for each request plan: for the preset, a stricter and a
/// looser wheelchair, on foot, with and without reports (the lift out, a pavement blocked by the rail platforms).
/// </summary>
public sealed class TransfersAheadTests
{
    private static readonly GeoPoint Sofienstrasse = new(49.4094, 8.6934), Universitaetsplatz = new(49.4122, 8.7101), Hauptbahnhof = new(49.4036, 8.6757);

    [Fact]
    public void Walks_computed_ahead_and_checked_where_a_request_differs_plan_what_walks_computed_per_request_plan()
    {
        var timetable = GtfsImporter.Import([Path.Combine(AppContext.BaseDirectory, "Fixtures", "stepfree")]);
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var ahead = new TripPlanner(timetable);
        Assert.False(ahead.TransfersReady);
        ahead.ComputeTransfersAhead(router, CancellationToken.None);
        Assert.True(ahead.TransfersReady);

        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        ProfileSettings[] profiles = [wheelchair, wheelchair with { MaxKerbCm = 1, MinWidthCm = 120 }, wheelchair with { MaxKerbCm = 8 }, foot];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var requests = new List<TripRequest>();
        foreach (var profile in profiles)
        {
            foreach (var (from, to, local, arriveBy) in new[]
            {
                (Sofienstrasse, Universitaetsplatz, "2026-12-07T07:00", false), (Sofienstrasse, Universitaetsplatz, "2026-12-07T07:58", false),
                (Sofienstrasse, Hauptbahnhof, "2026-12-07T08:08", false), (Sofienstrasse, Universitaetsplatz, "2026-12-07T08:25", true),
            })
            {
                var time = DateTime.Parse(local, CultureInfo.InvariantCulture);
                requests.Add(new TripRequest(from, to, new DateTimeOffset(time, zone.GetUtcOffset(time)), arriveBy, profile, UnknownAccessibility.Penalize, 3,
                    new HashSet<int>()));
            }
        }
        var reports = new[]
        {
            new ReportedBarrier(1, ReportedBarrierKind.ElevatorOutOfService, Verified: true, new BarrierGeometry(BarrierGeometryType.Point, [new GeoPoint(49.4094, 8.6936)])),
            new ReportedBarrier(2, ReportedBarrierKind.BlockedPath, Verified: true,
                new BarrierGeometry(BarrierGeometryType.LineString, [new GeoPoint(49.41215, 8.7098), new GeoPoint(49.41225, 8.7105)])),
        };
        foreach (var overlay in new[] { BarrierOverlay.Empty, BarrierOverlay.Build(Heidelberg.Graph, reports) })
        {
            router.ReplaceOverlay(overlay);
            var perRequest = new TripPlanner(timetable); // nothing ahead: every walk its searches reach computed for the request
            foreach (var request in requests)
            {
                Assert.Equal(Describe(perRequest.Plan(router, request)), Describe(ahead.Plan(router, request)));
            }
        }
    }

    /// <summary>A plan in words: each itinerary's times and legs (walk durations, trips and stops), or the refusal's blockers.</summary>
    private static string Describe(TripPlan plan)
    {
        var text = new StringBuilder();
        foreach (var itinerary in plan.Itineraries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{itinerary.Departure:HH:mm:ss}-{itinerary.Arrival:HH:mm:ss} walk {itinerary.WalkCostS:0.0}:");
            foreach (var leg in itinerary.Legs)
            {
                text.Append(leg switch
                {
                    TransitLeg ride => $" {ride.TripId} {ride.From.Name}>{ride.To.Name}",
                    _ => string.Create(CultureInfo.InvariantCulture, $" walk {leg.Departure:HH:mm:ss}-{leg.Arrival:HH:mm:ss}"),
                });
            }
            text.AppendLine();
        }
        if (plan.Refusal is { } refusal)
        {
            text.AppendJoin("; ", refusal.Blockers);
        }
        return text.ToString();
    }
}
