using BitMiracle.LibTiff.Classic;

namespace Routing.Terrain;

/// <summary>
/// Where a GeoTIFF's pixels are: the pixel size (ModelPixelScaleTag) and one tie point (ModelTiepointTag) give the
/// position; the GeoKeyDirectoryTag must say geographic WGS 84, because the terrain model is queried in latitude and
/// longitude and this reader does not reproject.
/// </summary>
internal static class GeoTiffGeoreference
{
    private const string Reproject = "reproject it to EPSG:4326, e.g. with gdalwarp -t_srs EPSG:4326 in.tif out.tif";

    // GeoKey ids and values from the GeoTIFF 1.0 specification.
    private const ushort ModelTypeKey = 1024;
    private const ushort RasterTypeKey = 1025;
    private const ushort GeographicTypeKey = 2048;
    private const ushort ProjectedTypeKey = 3072;
    private const ushort ModelTypeProjected = 1;
    private const ushort ModelTypeGeographic = 2;
    private const ushort RasterPixelIsPoint = 2;
    private const ushort UserDefined = 32767;
    private const ushort Wgs84 = 4326;

    public static RasterLayout Read(string path, Tiff tiff, int rowCount, int columnCount)
    {
        ushort[] geoKeys = GeoKeyDirectory(path, tiff);
        RequireWgs84(path, geoKeys);
        double[]? scale = DoubleValues(tiff, TiffTag.GEOTIFF_MODELPIXELSCALETAG);
        double[]? tiepoints = DoubleValues(tiff, TiffTag.GEOTIFF_MODELTIEPOINTTAG);
        if (scale is null || scale.Length < 2 || tiepoints is null || tiepoints.Length < 6)
        {
            throw new TerrainFileException(
                path,
                "it has no pixel scale and tie point (ModelPixelScaleTag, ModelTiepointTag), so where its pixels are is unknown; "
                + "write it as a north-up GeoTIFF in EPSG:4326, e.g. with gdalwarp -t_srs EPSG:4326 in.tif out.tif");
        }
        if (tiepoints.Length > 6)
        {
            throw new TerrainFileException(
                path,
                $"it is georeferenced by {tiepoints.Length / 6} tie points (ground control points), not a regular grid; " + Reproject);
        }
        double cellSizeLonDeg = scale[0];
        double cellSizeLatDeg = scale[1];
        if (!(cellSizeLonDeg > 0 && cellSizeLatDeg > 0 && double.IsFinite(cellSizeLonDeg) && double.IsFinite(cellSizeLatDeg)))
        {
            throw new TerrainFileException(path, $"its pixel size {cellSizeLonDeg} x {cellSizeLatDeg} degrees is not positive; " + Reproject);
        }
        // The tie point maps raster position (I, J) to (longitude, latitude). For PixelIsArea raster position (0, 0) is
        // the outer corner of pixel (0, 0), whose centre is half a pixel in; for PixelIsPoint it is the centre itself.
        double centreOffset = GeoKey(geoKeys, RasterTypeKey) == RasterPixelIsPoint ? 0 : 0.5;
        (double i, double j, double longitude, double latitude) = (tiepoints[0], tiepoints[1], tiepoints[3], tiepoints[4]);
        return new RasterLayout(
            rowCount,
            columnCount,
            latitude - ((centreOffset - j) * cellSizeLatDeg),
            longitude + ((centreOffset - i) * cellSizeLonDeg),
            cellSizeLatDeg,
            cellSizeLonDeg);
    }

    private static ushort[] GeoKeyDirectory(string path, Tiff tiff) =>
        tiff.GetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG)?[^1].ToUShortArray()
        ?? throw new TerrainFileException(
            path,
            "it has no GeoKeyDirectoryTag, so its coordinate system is unknown: it is a plain TIFF, not a GeoTIFF; "
            + "give a GeoTIFF in EPSG:4326 (a TIFF with a world file in EPSG:4326 converts with gdal_translate -a_srs EPSG:4326 in.tif out.tif)");

    private static void RequireWgs84(string path, ushort[] geoKeys)
    {
        ushort? modelType = GeoKey(geoKeys, ModelTypeKey);
        ushort? geographic = GeoKey(geoKeys, GeographicTypeKey);
        ushort? projected = GeoKey(geoKeys, ProjectedTypeKey);
        if (projected is null && (modelType is null || modelType == ModelTypeGeographic) && geographic == Wgs84)
        {
            return;
        }
        string system = (projected, geographic, modelType) switch
        {
            (UserDefined, _, _) => "a user-defined projected coordinate system",
            (ushort code, _, _) => $"the projected coordinate system EPSG:{code}",
            (_, _, ModelTypeProjected) => "a projected coordinate system",
            (_, _, ushort type) when type != ModelTypeGeographic => $"a coordinate system of GeoTIFF model type {type}, neither projected nor geographic",
            (_, UserDefined, _) => "a user-defined geographic coordinate system",
            (_, ushort code, _) => $"the geographic coordinate system EPSG:{code}",
            _ => "a coordinate system its GeoKeys do not name",
        };
        throw new TerrainFileException(path, $"it is in {system}, elevation files must be in WGS 84 (EPSG:4326); " + Reproject);
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
