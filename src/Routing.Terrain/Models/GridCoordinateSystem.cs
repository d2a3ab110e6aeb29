using System.Collections.Concurrent;
using System.Globalization;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// The coordinate system a terrain raster is laid out in, and the way from a WGS 84 point to it. x grows east and y
/// north: longitude and latitude in degrees for a geographic grid, easting and northing in metres for a projected one.
/// Reprojection is ProjNET's; nothing here computes a projection by hand.
/// </summary>
internal sealed class GridCoordinateSystem
{
    private const ushort Wgs84 = 4326;
    private const ushort Etrs89 = 4258;

    /// <summary>
    /// What every refusal offers: reproject with GDAL. EPSG:25832 keeps a German 1 m model at 1 m; EPSG:4326 suits
    /// anything.
    /// </summary>
    internal const string ReprojectHint = "reproject it, e.g. with gdalwarp -t_srs EPSG:25832 in.tif out.tif (or -t_srs EPSG:4326)";

    /// <summary>One instance per code, so that neighbouring tiles share it and a point is projected once for all of them.</summary>
    private static readonly ConcurrentDictionary<int, GridCoordinateSystem?> ByEpsgCode = new();

    /// <summary>What <see cref="FromEpsg"/> supports, for refusals.</summary>
    internal const string Supported =
        "WGS 84 (EPSG:4326), ETRS89 (EPSG:4258) or UTM (ETRS89: EPSG:25828-25838, WGS 84: EPSG:32601-32660, 32701-32760)";

    private readonly MathTransform? _fromWgs84;
    private readonly MathTransform? _toWgs84;

    /// <summary>
    /// ProjNET does not promise that a transform may be used from several threads at once; the lock makes it so, and
    /// uncontended (a build samples from one thread) it costs a few nanoseconds beside the projection.
    /// </summary>
    private readonly Lock _transformGate = new();

    private GridCoordinateSystem(string name, ProjectedCoordinateSystem? projected)
    {
        Name = name;
        IsGeographic = projected is null;
        if (projected is not null)
        {
            var factory = new CoordinateTransformationFactory();
            _fromWgs84 = factory.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected).MathTransform;
            _toWgs84 = factory.CreateFromCoordinateSystems(projected, GeographicCoordinateSystem.WGS84).MathTransform;
        }
    }

    /// <summary>Latitude and longitude in WGS 84 (EPSG:4326): no transformation at all.</summary>
    public static GridCoordinateSystem Geographic { get; } = new("EPSG:4326", projected: null);

    /// <summary>"EPSG:25832", for descriptions and messages.</summary>
    public string Name { get; }

    /// <summary>True when x and y are longitude and latitude in degrees, false when they are metres.</summary>
    public bool IsGeographic { get; }

    /// <summary>
    /// The system of an EPSG code, or null when this reader does not support it (the caller names the code in its
    /// refusal). Supported: WGS 84 (4326) and ETRS89 (4258) in latitude and longitude, and UTM on either datum: ETRS89 /
    /// UTM zones 28 to 38 north (25828-25838, German states use 25832 and 25833), WGS 84 / UTM north (32601-32660) and
    /// south (32701-32760).
    /// </summary>
    public static GridCoordinateSystem? FromEpsg(int code) => ByEpsgCode.GetOrAdd(code, Create);

    private static GridCoordinateSystem? Create(int code)
    {
        // ETRS89 is tied to the Eurasian plate and WGS 84 is not: they have drifted apart by about 2.5 cm a year since
        // 1989, under a metre by now. For a terrain model that is far below a cell, so ETRS89 systems are taken as
        // their WGS 84 namesakes: ProjectedCoordinateSystem.WGS84_UTM(32, true) stands for ETRS89 / UTM 32N too.
        if (code is Wgs84 or Etrs89)
        {
            return code == Wgs84 ? Geographic : new GridCoordinateSystem("EPSG:4258", projected: null);
        }
        (int zone, bool north) = code switch
        {
            >= 25828 and <= 25838 => (code - 25800, true),
            >= 32601 and <= 32660 => (code - 32600, true),
            >= 32701 and <= 32760 => (code - 32700, false),
            _ => (0, false),
        };
        if (zone == 0)
        {
            return null;
        }
        return new GridCoordinateSystem(string.Create(CultureInfo.InvariantCulture, $"EPSG:{code}"), ProjectedCoordinateSystem.WGS84_UTM(zone, north));
    }

    /// <summary>"EPSG:25832" or "25832" to its code; null for anything else.</summary>
    public static int? ParseEpsg(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[5..];
        }
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : null;
    }

    public (double X, double Y) FromWgs84(double latitude, double longitude)
    {
        if (_fromWgs84 is null)
        {
            return (longitude, latitude);
        }
        lock (_transformGate)
        {
            return _fromWgs84.Transform(longitude, latitude);
        }
    }

    public (double Latitude, double Longitude) ToWgs84(double x, double y)
    {
        if (_toWgs84 is null)
        {
            return (y, x);
        }
        double longitude, latitude;
        lock (_transformGate)
        {
            (longitude, latitude) = _toWgs84.Transform(x, y);
        }
        return (latitude, longitude);
    }

    /// <summary>
    /// The ground size in metres of a cell (the larger side) at a latitude: a projected grid's cells are metres already
    /// (UTM's scale error, under 0.1 % within a zone, does not matter here), a geographic grid's east-west side shrinks
    /// with the cosine of the latitude.
    /// </summary>
    public double CellSizeM(in RasterLayout layout, double latitude)
    {
        if (!IsGeographic)
        {
            return Math.Max(layout.CellSizeX, layout.CellSizeY);
        }
        double northSouthM = layout.CellSizeY * Coordinates.MetresPerDegree;
        double eastWestM = layout.CellSizeX * Coordinates.MetresPerDegree * Math.Cos(latitude * (Math.PI / 180));
        return Math.Max(northSouthM, eastWestM);
    }
}
