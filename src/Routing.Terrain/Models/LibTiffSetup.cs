using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Routing.Terrain;

/// <summary>
/// LibTiff's configuration is library-wide: one error handler and one tag extender for the whole process. This sets
/// both, once, before the first TIFF is opened (by the reader, and by tests that write GeoTIFFs).
/// </summary>
internal static class LibTiffSetup
{
    /// <summary>
    /// The GeoTIFF and GDAL tags the reader uses. LibTiff names them but does not define them; defined, they are
    /// written (tests write GeoTIFFs) and read the same way in every process.
    /// </summary>
    private static readonly TiffFieldInfo[] GeoTiffFields =
    [
        new(TiffTag.GEOTIFF_MODELPIXELSCALETAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScaleTag"),
        new(TiffTag.GEOTIFF_MODELTIEPOINTTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepointTag"),
        new(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, -1, -1, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectoryTag"),
        new(TiffTag.GDAL_NODATA, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataTag"),
    ];

    private static readonly Lock Gate = new();
    private static bool s_installed;
    private static Tiff.TiffExtendProc? s_previousExtender;

    public static void Install()
    {
        lock (Gate)
        {
            if (!s_installed)
            {
                Tiff.SetErrorHandler(new QuietErrorHandler());
                s_previousExtender = Tiff.SetTagExtender(DefineGeoTiffFields);
                s_installed = true;
            }
        }
    }

    private static void DefineGeoTiffFields(Tiff tiff)
    {
        tiff.MergeFieldInfo(GeoTiffFields, GeoTiffFields.Length);
        s_previousExtender?.Invoke(tiff);
    }

    /// <summary>
    /// The default handler prints to the console, warnings included (GDAL's files draw "tags are not sorted" and
    /// "unknown field" warnings), and an error otherwise surfaces only as a null or false result. This one drops
    /// warnings and turns errors into exceptions carrying LibTiff's message, which the caller wraps in
    /// <see cref="TerrainFileException"/>.
    /// </summary>
    private sealed class QuietErrorHandler : TiffErrorHandler
    {
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
            string message = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            // LibTiff starts most messages with the file name, which TerrainFileException puts first already.
            string fileName = tif?.FileName() + ": ";
            throw new InvalidDataException(message.StartsWith(fileName, StringComparison.Ordinal) ? message[fileName.Length..] : message);
        }

        // LibTiff reports each error to both methods, this one second; the exception from the first is enough.
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
