using BitMiracle.LibTiff.Classic;

namespace Routing.Terrain;

/// <summary>
/// Where a GeoTIFF's pixels are: the pixel size (ModelPixelScaleTag) and one tie point (ModelTiepointTag) give the
/// position in the coordinate system the GeoKeyDirectoryTag names by EPSG code, which must be one that
/// <see cref="GridCoordinateSystem.FromEpsg"/> supports (WGS 84, ETRS89, UTM).
/// </summary>
internal static class GeoTiffGeoreference
{
    private const string Reproject = GridCoordinateSystem.ReprojectHint;

    // GeoKey ids and values from the GeoTIFF 1.0 specification.
    private const ushort ModelTypeKey = 1024;
    private const ushort RasterTypeKey = 1025;
    private const ushort GeographicTypeKey = 2048;
    private const ushort ProjectedTypeKey = 3072;
    private const ushort ProjLinearUnitsKey = 3076;
    private const ushort LinearUnitMetre = 9001;
    private const ushort ModelTypeProjected = 1;
    private const ushort ModelTypeGeographic = 2;
    private const ushort RasterPixelIsPoint = 2;
    private const ushort UserDefined = 32767;

    public static (GridCoordinateSystem System, RasterLayout Layout) Read(string path, Tiff tiff, int rowCount, int columnCount)
    {
        ushort[] geoKeys = GeoKeyDirectory(path, tiff);
        GridCoordinateSystem system = CoordinateSystem(path, geoKeys);
        double[]? scale = DoubleValues(tiff, TiffTag.GEOTIFF_MODELPIXELSCALETAG);
        double[]? tiepoints = DoubleValues(tiff, TiffTag.GEOTIFF_MODELTIEPOINTTAG);
        if (scale is null || scale.Length < 2 || tiepoints is null || tiepoints.Length < 6)
        {
            throw new TerrainFileException(
                path,
                "it has no pixel scale and tie point (ModelPixelScaleTag, ModelTiepointTag), so where its pixels are is unknown; "
                + "write it as a north-up GeoTIFF, e.g. with gdalwarp -t_srs EPSG:4326 in.tif out.tif");
        }
        if (tiepoints.Length > 6)
        {
            throw new TerrainFileException(
                path,
                $"it is georeferenced by {tiepoints.Length / 6} tie points (ground control points), not a regular grid; " + Reproject);
        }
        // In the system's units: degrees (longitude, latitude) or metres (easting, northing).
        double cellSizeX = scale[0];
        double cellSizeY = scale[1];
        if (!(cellSizeX > 0 && cellSizeY > 0 && double.IsFinite(cellSizeX) && double.IsFinite(cellSizeY)))
        {
            throw new TerrainFileException(
                path, $"its pixel size {cellSizeX} x {cellSizeY} {(system.IsGeographic ? "degrees" : "m")} is not positive; " + Reproject);
        }
        // The tie point maps raster position (I, J) to (x, y). For PixelIsArea raster position (0, 0) is the outer
        // corner of pixel (0, 0), whose centre is half a pixel in; for PixelIsPoint it is the centre itself.
        double centreOffset = GeoKey(geoKeys, RasterTypeKey) == RasterPixelIsPoint ? 0 : 0.5;
        (double i, double j, double x, double y) = (tiepoints[0], tiepoints[1], tiepoints[3], tiepoints[4]);
        return (system, new RasterLayout(
            rowCount,
            columnCount,
            y - ((centreOffset - j) * cellSizeY),
            x + ((centreOffset - i) * cellSizeX),
            cellSizeY,
            cellSizeX));
    }

    private static ushort[] GeoKeyDirectory(string path, Tiff tiff) =>
        tiff.GetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG)?[^1].ToUShortArray()
        ?? throw new TerrainFileException(
            path,
            "it has no GeoKeyDirectoryTag, so its coordinate system is unknown: it is a plain TIFF, not a GeoTIFF; "
            + "give a GeoTIFF (a TIFF with a world file converts with gdal_translate -a_srs EPSG:25832 in.tif out.tif, naming the system the world file is in)");

    private static GridCoordinateSystem CoordinateSystem(string path, ushort[] geoKeys)
    {
        ushort? modelType = GeoKey(geoKeys, ModelTypeKey);
        ushort? geographic = GeoKey(geoKeys, GeographicTypeKey);
        ushort? projected = GeoKey(geoKeys, ProjectedTypeKey);
        ushort? linearUnit = GeoKey(geoKeys, ProjLinearUnitsKey);
        ushort? code = projected ?? (modelType is null or ModelTypeGeographic ? geographic : null);
        if (code is ushort epsg and not UserDefined && (projected is null || linearUnit is null or LinearUnitMetre)
            && GridCoordinateSystem.FromEpsg(epsg) is { } system)
        {
            return system;
        }
        string problem = (projected, geographic, modelType) switch
        {
            (UserDefined, _, _) => "a user-defined projected coordinate system",
            (ushort unsupported, _, _) when linearUnit is not (null or LinearUnitMetre) && GridCoordinateSystem.FromEpsg(unsupported) is not null =>
                $"the projected coordinate system EPSG:{unsupported} with GeoTIFF linear unit {linearUnit} instead of metres",
            (ushort unsupported, _, _) => $"the projected coordinate system EPSG:{unsupported}, which this reader does not support",
            (_, _, ModelTypeProjected) => "a projected coordinate system its GeoKeys do not name",
            (_, _, ushort type) when type != ModelTypeGeographic => $"a coordinate system of GeoTIFF model type {type}, neither projected nor geographic",
            (_, UserDefined, _) => "a user-defined geographic coordinate system",
            (_, ushort unsupported, _) => $"the geographic coordinate system EPSG:{unsupported}, which this reader does not support",
            _ => "a coordinate system its GeoKeys do not name",
        };
        throw new TerrainFileException(
            path,
            $"it is in {problem}; elevation files must be in {GridCoordinateSystem.Supported}; {Reproject}");
    }

    /// <summary>
    /// A GeoKey stored in the directory itself (location 0), or null when absent. The directory is a header of four
    /// shorts (version, revision, minor revision, key count) followed by four shorts per key: id, location, count, value.
    /// </summary>
    private static ushort? GeoKey(ushort[] directory, ushort id)
    {
        int keyCount = directory.Length >= 4 ? directory[3] : 0;
        for (int entry = 4; entry + 3 < directory.Length && entry < 4 + (keyCount * 4); entry += 4)
        {
            if (directory[entry] == id && directory[entry + 1] == 0)
            {
                return directory[entry + 3];
            }
        }
        return null;
    }

    private static double[]? DoubleValues(Tiff tiff, TiffTag tag) => tiff.GetField(tag)?[^1].ToDoubleArray();
}
