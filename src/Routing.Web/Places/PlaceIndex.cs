using System.Globalization;
using System.Text;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Web.Places;

/// <summary>One search hit: a street or a named place.</summary>
/// <param name="Kind">"street" or the place kind in snake case (public_transport, toilets, public_building ...).</param>
/// <param name="Name">Null for a place without a name (toilets, found by their kind).</param>
internal sealed record PlaceHit(string? Name, string Kind, double Lat, double Lon, WheelchairTag Wheelchair, long? OsmNodeId);

/// <summary>
/// Searches the extract's street names and named places, built once per graph: no outside geocoder. A street is
/// found at the vertex of its edges nearest their middle, so the pin lands on the street itself. Matching ignores
/// case and accents ("strasse" finds "Straße"); names that start with the query come first, then names with a word
/// that does, then names that merely contain it; within each the nearest to <c>near</c> (the map's centre), else the
/// shortest name first.
/// </summary>
internal sealed class PlaceIndex
{
    /// <summary>Words that find places by their kind, in English and German (folded): "WC" finds the toilets near you.</summary>
    private static readonly Dictionary<PlaceKind, string> KindWords = new()
    {
        [PlaceKind.Toilets] = "toilets toilette toiletten wc",
        [PlaceKind.PublicTransport] = "stop station haltestelle bahnhof",
        [PlaceKind.Healthcare] = "pharmacy apotheke doctor arzt",
    };

    private readonly List<(string Folded, PlaceHit Hit)> _entries = [];

    public PlaceIndex(RoutingGraph graph)
    {
        var streets = new Dictionary<int, (double LatSum, double LonSum, int Count)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int name = graph.EdgeNameId[edge];
            if (name == 0)
            {
                continue;
            }
            int vertex = graph.EdgeFrom[edge];
            var (latSum, lonSum, count) = streets.GetValueOrDefault(name);
            streets[name] = (latSum + graph.VertexLatE7[vertex], lonSum + graph.VertexLonE7[vertex], count + 1);
        }
        var nearestVertex = new Dictionary<int, (int Vertex, double DistanceSquared)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int name = graph.EdgeNameId[edge];
            if (name == 0)
            {
                continue;
            }
            var (latSum, lonSum, count) = streets[name];
            int vertex = graph.EdgeFrom[edge];
            double dLat = graph.VertexLatE7[vertex] - (latSum / count), dLon = graph.VertexLonE7[vertex] - (lonSum / count);
            double distanceSquared = (dLat * dLat) + (dLon * dLon);
            if (!nearestVertex.TryGetValue(name, out var best) || distanceSquared < best.DistanceSquared)
            {
                nearestVertex[name] = (vertex, distanceSquared);
            }
        }
        foreach (var (name, (vertex, _)) in nearestVertex)
        {
            string text = graph.Name(name);
            _entries.Add((Fold(text), new PlaceHit(text, "street", graph.VertexLatE7[vertex] / 1e7, graph.VertexLonE7[vertex] / 1e7, WheelchairTag.Unknown, null)));
        }
        foreach (var place in graph.Places)
        {
            string text = graph.Name(place.NameId);
            // The kind's words come after the name: a name match still ranks first, a kind word third.
            string searchable = Fold(text) + " | " + KindWords.GetValueOrDefault(place.Kind, "");
            _entries.Add((searchable, new PlaceHit(text.Length > 0 ? text : null, FactNames.Of(place.Kind), place.LatE7 / 1e7, place.LonE7 / 1e7, place.Wheelchair, place.OsmNodeId)));
        }
    }

    public int Count => _entries.Count;

    public IReadOnlyList<PlaceHit> Search(string query, int limit, (double Lat, double Lon)? near = null)
    {
        string folded = Fold(query.Trim());
        if (folded.Length == 0)
        {
            return [];
        }
        return [.. _entries
            .Select(entry => (entry.Hit, Rank: Rank(entry.Folded, folded)))
            .Where(candidate => candidate.Rank >= 0)
            .OrderBy(candidate => candidate.Rank)
            .ThenBy(candidate => near is { } p ? Coordinates.DistanceM(p.Lat, p.Lon, candidate.Hit.Lat, candidate.Hit.Lon) : candidate.Hit.Name?.Length ?? 0)
            .ThenBy(candidate => candidate.Hit.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(candidate => candidate.Hit)];
    }

    private static int Rank(string name, string query)
    {
        int at = name.IndexOf(query, StringComparison.Ordinal);
        int kindWords = name.IndexOf(" | ", StringComparison.Ordinal);
        return at < 0 ? -1 : at == 0 ? 0 : kindWords >= 0 && at > kindWords ? 2 : name[at - 1] is ' ' or '-' or '(' ? 1 : 2;
    }

    /// <summary>Lower case without accents, ß as ss: what people type when they search.</summary>
    internal static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString();
    }
}
