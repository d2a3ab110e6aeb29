using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Routing.Graph.Facts;

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
                "Streets and named places of the extract (public transport stops, toilets, public buildings, shops, healthcare, " +
                "amenities, tourism) whose name contains `q` (case and accents ignored; \"WC\" or \"Toilette\" find toilets, named " +
                "or not), best matches first, as a GeoJSON " +
                $"FeatureCollection of points with `name`, `kind` and `wheelchair` (yes, limited, no, unknown). `limit` 1 to {MaxLimit} (default {DefaultLimit}); " +
                "`near=LAT,LON` (the map's centre) puts the nearest of equally good matches first.")
            .Produces<PlaceCollection>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesValidationProblem();
        return routes;
    }

    public static IResult Search(string? q, int? limit, string? near, PlaceIndex index)
    {
        var errors = new Dictionary<string, string[]>();
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
                errors["near"] = ["must be LAT,LON in degrees, e.g. 49.4094,8.6934"];
            }
        }
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            errors["q"] = [$"give 1 to {MaxQueryLength} characters to search for"];
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"must be between 1 and {MaxLimit}, was {limit}"];
        }
        if (errors.Count > 0)
        {
            return WebProblems.Invalid(errors);
        }
        var hits = index.Search(q!, limit ?? DefaultLimit, nearPoint);
        var features = hits.Select(hit => new PlaceFeature(
            new PointGeometry([Math.Round(hit.Lon, 7), Math.Round(hit.Lat, 7)]),
            new PlaceProperties(hit.Name, hit.Kind, WheelchairOf(hit.Wheelchair), hit.OsmNodeId))).ToList();
        return TypedResults.Json(new PlaceCollection(features), contentType: "application/geo+json");
    }

    /// <summary>OSM's <c>designated</c> means usable by wheelchair users: it answers as yes.</summary>
    private static string WheelchairOf(WheelchairTag tag) => tag switch
    {
        WheelchairTag.Yes or WheelchairTag.Designated => "yes",
        WheelchairTag.Limited => "limited",
        WheelchairTag.No => "no",
        _ => "unknown",
    };
}

/// <summary>GeoJSON (RFC 7946); <c>type</c> comes first, as readers expect.</summary>
internal sealed record PlaceCollection(string Type, IReadOnlyList<PlaceFeature> Features)
{
    public PlaceCollection(IReadOnlyList<PlaceFeature> features) : this("FeatureCollection", features)
    {
    }
}

internal sealed record PlaceFeature(string Type, PointGeometry Geometry, PlaceProperties Properties)
{
    public PlaceFeature(PointGeometry geometry, PlaceProperties properties) : this("Feature", geometry, properties)
    {
    }
}

internal sealed record PointGeometry(string Type, double[] Coordinates)
{
    public PointGeometry(double[] coordinates) : this("Point", coordinates)
    {
    }
}

/// <param name="Name">Null for a place without a name (toilets, found by their kind).</param>
/// <param name="Kind">street, public_transport, toilets, public_building, shop, healthcare, amenity, tourism.</param>
/// <param name="Wheelchair">yes, limited, no or unknown (OSM <c>wheelchair=*</c>).</param>
/// <param name="OsmNodeId">The OSM node of a place; null for a street.</param>
internal sealed record PlaceProperties(string? Name, string Kind, string Wheelchair, long? OsmNodeId);
