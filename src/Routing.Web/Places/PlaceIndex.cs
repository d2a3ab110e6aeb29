using System.Globalization;
using System.Text;
using Routing.BaseMap;
using Routing.Graph;

namespace Routing.Web.Places;

/// <summary>One search hit.</summary>
/// <param name="Name">Null for a place without a name (toilets, found by their kind).</param>
/// <param name="Kind">street, square, pedestrian_area, station, stop, church, castle, museum, toilets, park, ... (the app words it).</param>
/// <param name="Wheelchair">yes, limited, no or unknown.</param>
/// <param name="OsmId">type/id of its OSM element (node/123, way/456).</param>
internal sealed record PlaceHit(string? Name, string Kind, double Lat, double Lon, string Wheelchair, string? District, string OsmId);

/// <summary>
/// Searches the base map's places: streets (one per name and neighbourhood), squares and pedestrian areas, buildings
/// and points of interest, stops (platforms merged): no outside geocoder. What people type: case, accents and ß
/// ("strasse", "Strasse" and "Straße" are one, "Ploeck" and "Plöck" too), every word of the query a word of the name or another name it has, or
/// the start of one ("bism" finds Bismarckplatz), or inside a compound ("bahnhof" finds Hauptbahnhof), or one letter off
/// ("Bismarkplatz"); "Heidelberger" also finds "Heidelberg"; words for kinds ("WC", "Haltestelle", "Kirche") find places
/// of that kind. Ranked by how well the words match, then how much the place matters (a station before a footway), then
/// how near it is to <c>near</c> (the map's centre): "Marktplatz" from the old town finds the old town's first.
/// </summary>
internal sealed class PlaceIndex
{
    /// <summary>What one kilometre farther from the map's centre costs, in score points (a full word match is 100).</summary>
    private const double DistancePointsPerDoubling = 8;
    /// <summary>How much a place's importance (0 to 100) adds to its text score.</summary>
    private const double ImportanceWeight = 0.3;

    /// <summary>Words that find places by their kind, in English and German (folded).</summary>
    private static readonly Dictionary<string, string[]> KindWords = new(StringComparer.Ordinal)
    {
        ["toilets"] = ["wc", "toilet", "toilets", "toilette", "toiletten", "klo"],
        ["stop"] = ["stop", "haltestelle", "bus", "tram", "strassenbahn"],
        ["station"] = ["station", "bahnhof", "haltestelle", "stop"],
        ["church"] = ["church", "kirche"],
        ["castle"] = ["castle", "schloss", "burg"],
        ["museum"] = ["museum"],
        ["square"] = ["square", "platz"],
        ["park"] = ["park", "garden", "garten"],
        ["healthcare"] = ["pharmacy", "apotheke", "doctor", "arzt", "hospital", "krankenhaus", "klinik"],
        ["university"] = ["university", "universitat", "uni"],
    };

    private readonly BasePlace[] _places;
    private readonly string[] _names;
    private readonly string[][] _words;

    public PlaceIndex(IReadOnlyList<BasePlace> places)
    {
        _places = [.. places];
        _names = new string[_places.Length];
        _words = new string[_places.Length][];
        for (int i = 0; i < _places.Length; i++)
        {
            var place = _places[i];
            _names[i] = Fold(place.Name);
            _words[i] = [.. Words(place.Name), .. place.AltNames.SelectMany(Words)];
        }
    }

    public IReadOnlyList<PlaceHit> Search(string query, int limit, (double Lat, double Lon)? near = null)
    {
        string folded = Fold(query.Trim());
        string[] tokens = Words(query);
        if (tokens.Length == 0)
        {
            return [];
        }
        var scored = new List<(int Index, double Score)>();
        for (int i = 0; i < _places.Length; i++)
        {
            double text = TextScore(i, folded, tokens);
            if (text <= 0)
            {
                continue;
            }
            var place = _places[i];
            double score = text + (ImportanceWeight * place.Importance);
            if (near is { } p)
            {
                double km = Coordinates.DistanceM(p.Lat, p.Lon, place.LatE7 / 1e7, place.LonE7 / 1e7) / 1000;
                score -= DistancePointsPerDoubling * Math.Log2(1 + km);
            }
            scored.Add((i, score));
        }
        return [.. scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => _places[s.Index].Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(s => Hit(_places[s.Index]))];
    }

    private static PlaceHit Hit(BasePlace place) => new(place.Name.Length > 0 ? place.Name : null, place.Kind, place.LatE7 / 1e7, place.LonE7 / 1e7,
        place.Wheelchair, place.District, place.OsmId);

    /// <summary>
    /// 0 when some word of the query matches nothing; otherwise up to 100 for the whole name typed (more when exactly),
    /// the average of how well each word matched.
    /// </summary>
    private double TextScore(int index, string folded, string[] tokens)
    {
        if (_names[index] == folded)
        {
            return 110;
        }
        double sum = 0;
        foreach (string token in tokens)
        {
            double best = 0;
            foreach (string word in _words[index])
            {
                best = Math.Max(best, WordScore(word, token));
            }
            if (KindWords.TryGetValue(_places[index].Kind, out string[]? kindWords) && kindWords.Contains(token, StringComparer.Ordinal))
            {
                best = Math.Max(best, 50);
            }
            if (best <= 0)
            {
                return 0;
            }
            sum += best;
        }
        double score = sum / tokens.Length;
        // The name read from its start beats the same words elsewhere in it ("Markt" finds Marktplatz before Alter Markt).
        return _names[index].StartsWith(folded, StringComparison.Ordinal) ? score + 5 : score;
    }

    /// <summary>How well one typed word matches one word of a name: 100 equal, 85 its start, 60 inside a compound, 55 one letter off.</summary>
    internal static double WordScore(string word, string token)
    {
        if (word == token)
        {
            return 100;
        }
        if (word.StartsWith(token, StringComparison.Ordinal))
        {
            return 85;
        }
        // German adjectives of place names: "Heidelberger Schloss" is the castle of Heidelberg.
        if (token.Length > 6 && token.EndsWith("er", StringComparison.Ordinal) && word == token[..^2])
        {
            return 80;
        }
        if (token.Length >= 4 && word.Contains(token, StringComparison.Ordinal))
        {
            return 60;
        }
        if (token.Length >= 4 && (WithinOneEdit(word, token) || word.Length > token.Length && WithinOneEdit(word[..token.Length], token)))
        {
            return 55;
        }
        return 0;
    }

    /// <summary>One substitution, insertion, deletion or swap of neighbours turns one into the other (Damerau, bounded).</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (i == a.Length || i == b.Length)
        {
            return true;
        }
        var restA = a.AsSpan(i + 1);
        var restB = b.AsSpan(i + 1);
        return a.Length == b.Length
            ? restA.SequenceEqual(restB) || i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2))
            : a.Length > b.Length ? restA.SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(restB);
    }

    private static string[] Words(string text) =>
        Fold(text).Split([' ', '-', ',', '.', '/', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Lower case without accents, ß as ss, and the German spellings of umlauts without them (ae, oe, ue) as the bare
    /// vowel: "Ploeck", "Plock" and "Plöck" are one. Names and queries fold alike, so "Neue" matching "nu" costs nothing.
    /// </summary>
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
        return folded.ToString().Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);
    }
}
