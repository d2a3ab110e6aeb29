using System.Text.Json;
using System.Text.Json.Nodes;
using Routing.Analysis;
using Routing.Engine;
using Routing.GeoFormats;
using Routing.Engine.Reach;

namespace Routing.Ors;

/// <summary>The body of ORS's <c>POST /v2/isochrones/{profile}</c>.</summary>
internal sealed record OrsIsochronesRequest
{
    public IReadOnlyList<IReadOnlyList<double>>? Locations { get; init; }
    /// <summary>Seconds (range_type time) or the request's units (distance); with <see cref="Interval"/> one maximum.</summary>
    public IReadOnlyList<double>? Range { get; init; }
    public string? RangeType { get; init; }
    public double? Interval { get; init; }
    public string? Units { get; init; }
    /// <summary>start (default); destination is refused: reach is searched from the location.</summary>
    public string? LocationType { get; init; }
    /// <summary>area is answered; reachfactor and total_pop are refused.</summary>
    public IReadOnlyList<string>? Attributes { get; init; }
    /// <summary>Accepted; our outlines come from the reached ways themselves and are not smoothed further.</summary>
    public double? Smoothing { get; init; }
    public string? AreaUnits { get; init; }
    public string? Id { get; init; }
    public OrsOptions? Options { get; init; }
}

/// <summary>The body of ORS's <c>POST /v2/matrix/{profile}</c>.</summary>
internal sealed record OrsMatrixRequest
{
    public IReadOnlyList<IReadOnlyList<double>>? Locations { get; init; }
    /// <summary>Indices into locations, or ["all"] (the default).</summary>
    public IReadOnlyList<JsonElement>? Sources { get; init; }
    public IReadOnlyList<JsonElement>? Destinations { get; init; }
    /// <summary>duration (default) and distance.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }
    public string? Units { get; init; }
    public bool? ResolveLocations { get; init; }
    public string? Id { get; init; }
}

internal sealed record OrsIsochroneCollection(string Type, double[] Bbox, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, OrsIsochroneProperties>> Features, OrsMetadata Metadata);

/// <param name="Value">The range: seconds of the profile's cost, or distance in the request's units.</param>
/// <param name="Center">The requested location, [lon, lat].</param>
/// <param name="Area">With attributes ["area"]: in area_units squared.</param>
internal sealed record OrsIsochroneProperties(int GroupIndex, double Value, double[] Center, double? Area);

/// <summary>ORS's matrix answer: rows per source, null where there is no route.</summary>
internal sealed record OrsMatrixResponse(
    double?[][]? Durations,
    double?[][]? Distances,
    IReadOnlyList<OrsMatrixPoint> Sources,
    IReadOnlyList<OrsMatrixPoint> Destinations,
    OrsMetadata Metadata);

/// <param name="Location">Where the point was placed on the network ([lon, lat]), or the requested point when it could not be.</param>
/// <param name="Problem">Why a point could not be placed (point-outside-area, point-not-on-network); its row or column is null.</param>
internal sealed record OrsMatrixPoint(double[] Location, double? SnappedDistance, string? Problem);

/// <summary>ORS's isochrones and matrix over <see cref="Isochrones"/> and <see cref="Router.Matrix"/>, with the same profile mapping as directions.</summary>
internal static class OrsAnalysis
{
    public const int MaxLocations = 5;
    public const int MaxRanges = 10;
    public const double MaxRangeS = 3600;
    public const double MaxRangeM = 5_000;
    public const int MaxMatrixLocations = 100;

    public static OrsIsochroneCollection Isochrones(string orsProfile, OrsIsochronesRequest body, Router router, JsonObject query, OrsEngine engine,
        CancellationToken cancellationToken)
    {
        var preset = OrsRequestMapper.Preset(orsProfile, router.Profiles);
        var origins = OrsRequestMapper.Coordinates(body.Locations, "locations", 1, MaxLocations);
        if (body.Options?.AvoidPolygons is not null)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidValue, "Parameter 'options.avoid_polygons' is not supported for isochrones here: reach is searched on the whole network.");
        }
        var settings = OrsRequestMapper.Settings(orsProfile, preset, body.Options, []);
        if (body.LocationType is { } locationType && locationType != "start")
        {
            throw OrsRequestMapper.Invalid("location_type", locationType, "start (reach is searched from the location)");
        }
        var metric = body.RangeType switch
        {
            null or "time" => ReachMetric.CostS,
            "distance" => ReachMetric.LengthM,
            var other => throw OrsRequestMapper.Invalid("range_type", other, "time, distance"),
        };
        var units = OrsRequestMapper.Units(body.Units);
        var areaUnits = OrsRequestMapper.Units(body.AreaUnits);
        bool area = false;
        foreach (string attribute in body.Attributes ?? [])
        {
            area |= attribute == "area"
                ? true
                : throw OrsRequestMapper.Invalid("attributes", attribute, "area (reachfactor and total_pop are not computed here)");
        }
        var ranges = Ranges(body, metric, units);
        double workKm2 = IsochroneBudget.WorkKm2(origins.Count, ranges, metric, settings);
        if (workKm2 > IsochroneBudget.MaxReachKm2)
        {
            throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                $"These locations and ranges ask for {workKm2:0.#} km² of reach (the sum over locations and ranges of (reach in km)²); at most {IsochroneBudget.MaxReachKm2} km² per request.");
        }
        var (isochrones, failure) = Routing.Analysis.Isochrones.Compute(router, origins, settings, metric, ranges, cancellationToken);
        if (failure is PointOutsideArea or PointNotOnNetwork)
        {
            int index = failure is PointOutsideArea outside ? outside.WaypointIndex : ((PointNotOnNetwork)failure).WaypointIndex;
            throw new OrsRequestException(OrsErrorCodes.PointNotFound,
                $"Could not find routable point within a radius of {RouteRequest.DefaultSnapRadiusM:0.0} meters of specified location {index}.");
        }
        var features = isochrones.Select(i =>
        {
            var origin = origins[i.OriginIndex];
            double value = metric == ReachMetric.CostS ? i.Range : Math.Round(i.Range * units.PerMetre, 3);
            double? areaValue = area ? Math.Round(i.AreaM2 * areaUnits.PerMetre * areaUnits.PerMetre, areaUnits.PerMetre == 1 ? 0 : 4) : null;
            return new GeoJsonFeature<GeoJsonGeometry, OrsIsochroneProperties>(
                GeoJsonGeometry.OfArea(i.Area),
                new OrsIsochroneProperties(i.OriginIndex, value, [Math.Round(origin.Lon, 6), Math.Round(origin.Lat, 6)], areaValue));
        }).ToList();
        var all = isochrones.SelectMany(i => i.Area.Coordinates).ToList();
        double[] bbox = all.Count == 0 ? [] : [all.Min(c => c.X), all.Min(c => c.Y), all.Max(c => c.X), all.Max(c => c.Y)];
        return new OrsIsochroneCollection("FeatureCollection", [.. bbox.Select(v => Math.Round(v, 6))], features,
            new OrsMetadata(body.Id, OrsEndpoints.Attribution, "isochrones", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), query, engine));
    }

    /// <summary>The ranges in metres or seconds: the given values, or with an interval its multiples up to the one maximum.</summary>
    private static List<double> Ranges(OrsIsochronesRequest body, ReachMetric metric, OrsUnits units)
    {
        if (body.Range is not { Count: > 0 } range)
        {
            throw new OrsRequestException(OrsErrorCodes.MissingParameter, "Parameter 'range' is missing: give seconds (range_type time) or a distance.");
        }
        double count = range.Count;
        if (body.Interval is { } interval)
        {
            if (range.Count != 1 || !(interval > 0) || interval > range[0])
            {
                throw new OrsRequestException(OrsErrorCodes.InvalidValue, "Parameter 'interval' needs one value in 'range' and must lie in 0..range.");
            }
            // Counted before any is made: a tiny interval asked for billions of ranges and ended in an
            // OutOfMemoryException (found by the reliability suite, where it answered 500).
            count = Math.Ceiling(range[0] / interval - 1e-9);
        }
        if (count > MaxRanges)
        {
            throw new OrsRequestException(OrsErrorCodes.LimitExceeded, $"Parameter 'range' gives {count:G6} ranges; at most {MaxRanges} are allowed.");
        }
        List<double> values = body.Interval is { } step
            ? [.. Enumerable.Range(1, (int)count).Select(k => Math.Min(k * step, range[0]))]
            : [.. range];
        double toBase = metric == ReachMetric.CostS ? 1 : 1 / units.PerMetre;
        double max = metric == ReachMetric.CostS ? MaxRangeS : MaxRangeM;
        var result = new List<double>();
        foreach (double value in values)
        {
            double inBase = value * toBase;
            if (!(inBase > 0))
            {
                throw new OrsRequestException(OrsErrorCodes.InvalidValue, $"Parameter 'range' has incorrect value {value}: ranges are positive.");
            }
            if (inBase > max)
            {
                throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                    $"Parameter 'range' has {value}; at most {(metric == ReachMetric.CostS ? $"{MaxRangeS} s" : $"{MaxRangeM} m")} is allowed.");
            }
            result.Add(inBase);
        }
        return result;
    }

    public static OrsMatrixResponse Matrix(string orsProfile, OrsMatrixRequest body, Router router, JsonObject query, OrsEngine engine,
        CancellationToken cancellationToken)
    {
        var settings = OrsRequestMapper.Settings(orsProfile, OrsRequestMapper.Preset(orsProfile, router.Profiles), null, []);
        var locations = OrsRequestMapper.Coordinates(body.Locations, "locations", 2, MaxMatrixLocations);
        var sources = Indices(body.Sources, "sources", locations.Count);
        var destinations = Indices(body.Destinations, "destinations", locations.Count);
        var metrics = body.Metrics ?? ["duration"];
        foreach (string metric in metrics)
        {
            if (metric is not ("duration" or "distance"))
            {
                throw OrsRequestMapper.Invalid("metrics", metric, "duration, distance");
            }
        }
        var units = OrsRequestMapper.Units(body.Units);
        var matrix = router.Matrix([.. sources.Select(i => locations[i])], [.. destinations.Select(i => locations[i])], settings,
            cancellationToken: cancellationToken);
        return new OrsMatrixResponse(
            metrics.Contains("duration") ? Rounded(matrix.DurationsS, v => Math.Round(v, 2)) : null,
            metrics.Contains("distance") ? Rounded(matrix.DistancesM, units.Of) : null,
            [.. matrix.Sources.Select(Point)],
            [.. matrix.Destinations.Select(Point)],
            new OrsMetadata(body.Id, OrsEndpoints.Attribution, "matrix", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), query, engine));
    }

    private static List<int> Indices(IReadOnlyList<JsonElement>? given, string name, int count)
    {
        if (given is null || (given.Count == 1 && given[0].ValueKind == JsonValueKind.String && given[0].GetString() == "all"))
        {
            return [.. Enumerable.Range(0, count)];
        }
        var indices = new List<int>();
        foreach (var element in given)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int index) || index < 0 || index >= count)
            {
                throw new OrsRequestException(OrsErrorCodes.InvalidValue,
                    $"Parameter '{name}' has incorrect value {element.GetRawText()}: give indices into locations (0..{count - 1}) or [\"all\"].");
            }
            indices.Add(index);
        }
        return indices;
    }

    private static double?[][] Rounded(double?[][] values, Func<double, double> round) =>
        [.. values.Select(row => row.Select(v => v is { } x ? round(x) : (double?)null).ToArray())];

    private static OrsMatrixPoint Point(MatrixPoint point)
    {
        var at = point.Snapped ?? point.Requested;
        double? snappedM = point.Snapped is { } s ? Math.Round(OrsRouteMapper.DistanceM(point.Requested, s), 2) : null;
        return new OrsMatrixPoint([Math.Round(at.Lon, 6), Math.Round(at.Lat, 6)], snappedM, point.Problem);
    }
}
