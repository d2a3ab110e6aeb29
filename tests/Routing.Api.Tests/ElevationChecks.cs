using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Routing.Api.Tests;

/// <summary>What every route answer on a graph with a terrain model must satisfy, and what one without must not show.</summary>
internal static class ElevationChecks
{
    /// <summary>Rounding to 0.1 m on both sides of a comparison (distances, elevations, ascent, descent).</summary>
    private const double RoundingM = 0.2;

    public static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";

    public static async Task<JsonElement> GetRoute(this HttpClient client, string query) =>
        (await (await client.GetAsync("/v1/routes?" + query)).Json()).GetProperty("routes")[0];

    public static async Task<XDocument> GetGpx(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/v1/routes?" + query + "&format=gpx");
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/gpx+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(body);
    }

    public static List<XElement> TrackPoints(XDocument gpx) =>
        [.. gpx.Root!.Elements(Gpx + "trk").Single().Elements(Gpx + "trkseg").Single().Elements(Gpx + "trkpt")];

    public static List<double[]> Coordinates(JsonElement route) =>
        [.. route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray())];

    /// <summary>[distance_m, elevation_m] per geometry position.</summary>
    public static List<(double DistanceM, double ElevationM)> Profile(JsonElement route) =>
        [.. route.GetProperty("elevation_profile").EnumerateArray().Select(p =>
        {
            Assert.Equal(2, p.GetArrayLength());
            return (p[0].GetDouble(), p[1].GetDouble());
        })];

    /// <summary>
    /// The route carries its heights and they agree with each other: one profile entry per geometry position, its
    /// distances running from 0 to the route's length, its heights as the third coordinate and inside the given range,
    /// the climb and descent consistent with the heights, and every segment's terrain incline at least as steep as the
    /// profile's average over it (the incline is the steepest sustained one, so never gentler than the average).
    /// </summary>
    public static void AssertElevationsAgree(JsonElement route, double minElevationM, double maxElevationM)
    {
        Assert.Equal(JsonValueKind.Number, route.GetProperty("ascent_m").ValueKind);
        Assert.Equal(JsonValueKind.Number, route.GetProperty("descent_m").ValueKind);
        double ascentM = route.GetProperty("ascent_m").GetDouble();
        double descentM = route.GetProperty("descent_m").GetDouble();
        Assert.True(ascentM >= 0, $"ascent {ascentM}");
        Assert.True(descentM >= 0, $"descent {descentM}");

        var coordinates = Coordinates(route);
        var profile = Profile(route);
        Assert.Equal(coordinates.Count, profile.Count);
        for (int i = 0; i < coordinates.Count; i++)
        {
            Assert.True(coordinates[i].Length == 3, $"position {i} has {coordinates[i].Length} values");
            Assert.Equal(profile[i].ElevationM, coordinates[i][2]);
            Assert.InRange(profile[i].ElevationM, minElevationM, maxElevationM);
            if (i > 0)
            {
                Assert.True(profile[i].DistanceM >= profile[i - 1].DistanceM, $"profile distance falls at position {i}");
            }
        }
        Assert.Equal(0, profile[0].DistanceM);
        Assert.InRange(profile[^1].DistanceM, route.GetProperty("distance_m").GetDouble() - RoundingM, route.GetProperty("distance_m").GetDouble() + RoundingM);

        // Climb minus descent is the net change; and to pass the highest and lowest points the route must climb and
        // descend at least that far.
        double first = profile[0].ElevationM, last = profile[^1].ElevationM;
        double highest = profile.Max(p => p.ElevationM), lowest = profile.Min(p => p.ElevationM);
        Assert.InRange(ascentM - descentM, last - first - RoundingM, last - first + RoundingM);
        Assert.True(ascentM >= Math.Max(highest - first, last - lowest) - RoundingM, $"ascent {ascentM} below the climb the profile shows");
        Assert.True(descentM >= Math.Max(highest - last, first - lowest) - RoundingM, $"descent {descentM} below the descent the profile shows");

        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        double walkedM = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            int firstPoint = segment.GetProperty("first_point").GetInt32(), lastPoint = segment.GetProperty("last_point").GetInt32();
            // The profile's distances and the segments' lengths measure the same path.
            double tolerance = (0.05 * (segment.GetProperty("index").GetInt32() + 1)) + RoundingM;
            Assert.InRange(profile[firstPoint].DistanceM, walkedM - tolerance, walkedM + tolerance);
            walkedM += segment.GetProperty("distance_m").GetDouble();

            var incline = segment.GetProperty("incline_pct");
            double lengthM = profile[lastPoint].DistanceM - profile[firstPoint].DistanceM;
            if (incline.GetProperty("evidence").GetString() != "derived" || lengthM < 30 || i == 0 || i == segments.Count - 1)
            {
                // Tagged inclines win over the terrain; the first and last segment may cover part of an edge only.
                continue;
            }
            // The value is the slope model's estimate, not the terrain's rise; the average is the terrain's rise over
            // the segment's edges (of one class, so of one rounded average), which the profile draws.
            double averagePct = (profile[lastPoint].ElevationM - profile[firstPoint].ElevationM) / lengthM * 100;
            // Derived averages are whole percent (±0.5), heights 0.1 m at each end.
            double slackPct = 0.5 + (RoundingM / lengthM * 100);
            Assert.True(Math.Abs(averagePct - incline.GetProperty("average").GetDouble()) <= slackPct,
                $"segment {segment.GetProperty("index").GetInt32()} ({lengthM:F1} m) averages {averagePct:F1} % but reports {incline.GetProperty("average").GetDouble()} %");
        }
    }

    /// <summary>A route on a graph without a terrain model: no climb, no profile, [lon, lat] positions, no derived incline.</summary>
    public static void AssertNoElevations(JsonElement route)
    {
        Assert.Equal(JsonValueKind.Null, route.GetProperty("ascent_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, route.GetProperty("descent_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, route.GetProperty("elevation_profile").ValueKind);
        Assert.All(Coordinates(route), c => Assert.Equal(2, c.Length));
        Assert.All(route.GetProperty("segments").EnumerateArray(),
            s => Assert.NotEqual("derived", s.GetProperty("incline_pct").GetProperty("evidence").GetString()));
    }

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
