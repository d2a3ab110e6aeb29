using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;

namespace Routing.Analysis;

/// <summary>The ranking of candidate fixes by the reach they would open, with what it was computed from.</summary>
/// <param name="Origins">Origins placed on the network (of those given).</param>
/// <param name="BaselineM">Network length reached today from all origins together (summed per origin), metres.</param>
/// <param name="CandidatesChecked">Blocking edges and vertices looked at.</param>
public sealed record FixRanking(int Origins, double BaselineM, int CandidatesChecked, IReadOnlyList<RankedFix> Fixes);

/// <summary>
/// Which barrier to fix first: every candidate the profile's rules block (steps, measured slopes, kerbs, barriers)
/// ranked by the network length mending it would open within the budget from the origins. Only candidates that gain
/// something are listed.
/// </summary>
public static class FixFirst
{
    /// <summary>
    /// The extract's public-transport stops, stations and platforms (stored by the preprocessing as places): where
    /// people arrive in a district, so the default origins of the ranking.
    /// </summary>
    public static IReadOnlyList<GeoPoint> TransportStops(Graph.RoutingGraph graph)
    {
        var stops = new List<GeoPoint>();
        foreach (var place in graph.Places)
        {
            if (place.Kind == Graph.PlaceKind.PublicTransport)
            {
                stops.Add(new GeoPoint(Graph.Coordinates.ToDegrees(place.LatE7), Graph.Coordinates.ToDegrees(place.LonE7)));
            }
        }
        return stops;
    }

    /// <param name="progress">Told the share of candidates done (0..1) now and then, for a job's progress.</param>
    public static FixRanking Rank(Router router, IReadOnlyList<GeoPoint> origins, ProfileSettings profile, double minutes,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var impact = router.FixImpact(origins, profile, minutes * 60, cancellationToken);
        var candidates = impact.Candidates();
        var ranked = new List<RankedFix>();
        for (int i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gain = impact.Gain(candidates[i], cancellationToken);
            if (gain.GainM > 0)
            {
                ranked.Add(gain);
            }
            if (i % 100 == 0)
            {
                progress?.Report((double)i / candidates.Count);
            }
        }
        progress?.Report(1);
        return new FixRanking(impact.OriginCount, impact.BaselineM, candidates.Count,
            [.. ranked.OrderByDescending(r => r.GainM).ThenBy(r => r.Candidate.OsmWayId ?? r.Candidate.OsmNodeId)]);
    }

    /// <summary>The ranking as CSV for spreadsheets and QGIS, best first, as the API and the command line write it.</summary>
    public static string Csv(FixRanking ranking)
    {
        var text = new System.Text.StringBuilder("rank,constraint,fix,gain_m,origins_gaining,lat,lon,osm_way_id,osm_node_id\n");
        for (int i = 0; i < ranking.Fixes.Count; i++)
        {
            var (candidate, gainM, origins) = (ranking.Fixes[i].Candidate, ranking.Fixes[i].GainM, ranking.Fixes[i].OriginsGaining);
            text.Append(System.FormattableString.Invariant(
                $"{i + 1},{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.Violation.Constraint.ToString())},\"{candidate.Fix}\",{gainM:F1},{origins},{candidate.Location.Lat:F7},{candidate.Location.Lon:F7},{candidate.OsmWayId},{candidate.OsmNodeId}\n"));
        }
        return text.ToString();
    }
}
