using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Routing.GeoFormats;
using Routing.Http;

namespace Routing.Web.Places;

/// <summary><c>GET /v1/places?q=...</c>: streets and named places of the extract as GeoJSON points.</summary>
internal static class PlaceEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 100;

    public static IEndpointRouteBuilder MapPlaceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/places", Search)
            .WithTags("Map")
            .WithName("Places")
            .WithSummary("Search streets and named places")
            .WithDescription(
                "Streets, squares and pedestrian areas, named buildings and points of interest, stations and stops (platforms " +
                "merged) of the extract matching `q`: every word a word of the name or its start, inside a compound, or one letter " +
                "off; case, accents and ß ignored; words for kinds (\"WC\", \"Toilette\", \"Haltestelle\", \"Kirche\") find places " +
                "of that kind. Best first: how well the words match, how much the place matters, and how near it is to " +
                "`near=LAT,LON` (the map's centre). A GeoJSON " +
                "FeatureCollection of points with `name`, `kind`, `wheelchair` (yes, limited, no, unknown), `district` and " +
                $"`osm_id`. `limit` 1 to {MaxLimit} (default {DefaultLimit}).")
            .Produces<PlaceCollection>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesValidationProblem();
        return routes;
    }

    public static IResult Search(string? q, int? limit, string? near, HttpContext http, BaseMap.BaseMapLayer baseMap)
    {
        var errors = new FieldErrors();
        (double Lat, double Lon)? nearPoint = null;
        if (near is not null)
        {
            string[] parts = near.Split(',');
            if (parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out double lat) && double.TryParse(parts[1], CultureInfo.InvariantCulture, out double lon)
                && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
            {
                nearPoint = (lat, lon);
            }
            else
            {
                errors.AddMessage("near", "point_format");
            }
        }
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            errors.AddMessage("q", "query_length", MaxQueryLength);
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.AddMessage("limit", "out_of_range_no_unit", 1, MaxLimit, limit);
        }
        if (errors.Any)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(http))));
        }
        var hits = baseMap.Places.Search(q!, limit ?? DefaultLimit, nearPoint);
        var features = hits.Select(hit => new GeoJsonFeature<GeoJsonGeometry, PlaceProperties>(
            GeoJsonGeometry.Point(hit.Lat, hit.Lon),
            new PlaceProperties(hit.Name, hit.Kind, hit.Wheelchair, hit.District, hit.OsmId,
                hit.OsmId.StartsWith("node/", StringComparison.Ordinal) ? long.Parse(hit.OsmId.AsSpan(5), CultureInfo.InvariantCulture) : null))).ToList();
        return TypedResults.Json(new PlaceCollection(features), contentType: "application/geo+json");
    }
}

/// <summary>GeoJSON (RFC 7946); <c>type</c> comes first, as readers expect.</summary>
internal sealed record PlaceCollection(string Type, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, PlaceProperties>> Features)
{
    public PlaceCollection(IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, PlaceProperties>> features) : this("FeatureCollection", features)
    {
    }
}

/// <param name="Name">Null for a place without a name (toilets, found by their kind).</param>
/// <param name="Kind">street, square, pedestrian_area, station, stop, church, castle, museum, toilets, attraction, park,
/// university, healthcare, public_building, building, shop, amenity.</param>
/// <param name="Wheelchair">yes, limited, no or unknown (OSM <c>wheelchair=*</c>; a stop's platforms merged: limited when they differ).</param>
/// <param name="District">The district it lies in, null when none is known.</param>
/// <param name="OsmId">Its OSM element as type/id (node/123, way/456, relation/789); for a street or stop of many, one of them.</param>
/// <param name="OsmNodeId">The OSM node when the place is one; null otherwise.</param>
internal sealed record PlaceProperties(string? Name, string Kind, string Wheelchair, string? District, string OsmId, long? OsmNodeId);
