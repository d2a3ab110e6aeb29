using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;

namespace Routing.Terrain;

/// <summary>
/// Reads a single-band, north-up GeoTIFF in WGS 84, ETRS89 or UTM (see <see cref="GeoTiffGeoreference"/>) whose pixels are 16-bit integers (signed or
/// unsigned), 32-bit signed integers or 32-bit floats, in strips or tiles, with any compression LibTiff decodes.
/// </summary>
internal static class GeoTiffReader
{
    private const string Format = "GeoTIFF";

    private enum SampleKind
    {
        Int16,
        UInt16,
        Int32,
        Float32,
    }

    /// <exception cref="TerrainFileException">The file is no GeoTIFF this reader takes.</exception>
    /// <remarks>Other failures (LibTiff errors, I/O) surface as exceptions that <see cref="ElevationFiles"/> wraps.</remarks>
    public static ElevationGrid Read(string path)
    {
        LibTiffSetup.Install();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        TiffDirectoryCheck.ThrowIfTagsExceedFile(path, stream);
        stream.Position = 0;
        using Tiff tiff = Tiff.ClientOpen(path, "r", stream, new TiffStream())
            ?? throw new TerrainFileException(path, "LibTiff cannot open it; check that it is a complete TIFF file");
        int columnCount = RequiredInt(tiff, TiffTag.IMAGEWIDTH);
        int rowCount = RequiredInt(tiff, TiffTag.IMAGELENGTH);
        SampleKind kind = SampleKindOf(path, tiff);
        (GridCoordinateSystem system, RasterLayout layout) = GeoTiffGeoreference.Read(path, tiff, rowCount, columnCount);
        double? noData = NoData(path, tiff);
        if ((long)rowCount * columnCount > Array.MaxLength)
        {
            throw new TerrainFileException(
                path,
                $"{columnCount} x {rowCount} cells are more than one grid can hold; cut out the area you need, e.g. with gdal_translate -projwin");
        }
        var elevationsM = new float[rowCount * columnCount];
        if (tiff.IsTiled())
        {
            ReadTiles(tiff, kind, noData, layout, elevationsM);
        }
        else
        {
            ReadStrips(tiff, kind, noData, layout, elevationsM);
        }
        return new ElevationGrid(Path.GetFileName(path), Format, system, layout, elevationsM);
    }

    private static SampleKind SampleKindOf(string path, Tiff tiff)
    {
        int bands = tiff.GetFieldDefaulted(TiffTag.SAMPLESPERPIXEL)[0].ToInt();
        if (bands != 1)
        {
            throw new TerrainFileException(
                path,
                $"it has {bands} bands, an elevation model has one; extract the elevation band, e.g. with gdal_translate -b 1");
        }
        int bits = tiff.GetFieldDefaulted(TiffTag.BITSPERSAMPLE)[0].ToInt();
        var format = (SampleFormat)tiff.GetFieldDefaulted(TiffTag.SAMPLEFORMAT)[0].ToInt();
        return (format, bits) switch
        {
            (SampleFormat.INT, 16) => SampleKind.Int16,
            (SampleFormat.UINT, 16) => SampleKind.UInt16,
            (SampleFormat.INT, 32) => SampleKind.Int32,
            (SampleFormat.IEEEFP, 32) => SampleKind.Float32,
            _ => throw new TerrainFileException(
                path,
                $"its pixels are {bits}-bit {format} samples; elevations must be 16-bit integers (signed or unsigned), "
                + "32-bit signed integers or 32-bit floats; convert it, e.g. with gdal_translate -ot Int16"),
        };
    }

    /// <summary>GDAL writes the no-data value as text in its own tag; without the tag every cell is data.</summary>
    private static double? NoData(string path, Tiff tiff)
    {
        FieldValue[]? field = tiff.GetField(TiffTag.GDAL_NODATA);
        if (field is null)
        {
            return null;
        }
        string text = field[^1].ToString().TrimEnd('\0').Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new TerrainFileException(
                path,
                $"its GDAL_NODATA tag '{text}' is not a number; set a numeric no-data value, e.g. with gdal_edit.py -a_nodata -32768");
    }

    private static void ReadStrips(Tiff tiff, SampleKind kind, double? noData, RasterLayout layout, float[] elevationsM)
    {
        var scanline = new byte[tiff.ScanlineSize()];
        int rowBytes = layout.ColumnCount * BytesPerSample(kind);
        for (int row = 0; row < layout.RowCount; row++)
        {
            // LibTiff reports its errors through LibTiffSetup's handler, which throws; false is a failure it did not report.
            if (!tiff.ReadScanline(scanline, row))
            {
                throw new InvalidDataException($"LibTiff cannot read row {row}");
            }
            Convert(kind, scanline.AsSpan(0, rowBytes), noData, elevationsM.AsSpan(row * layout.ColumnCount, layout.ColumnCount));
        }
    }

    private static void ReadTiles(Tiff tiff, SampleKind kind, double? noData, RasterLayout layout, float[] elevationsM)
    {
        int tileWidth = RequiredInt(tiff, TiffTag.TILEWIDTH);
        int tileHeight = RequiredInt(tiff, TiffTag.TILELENGTH);
        int bytesPerSample = BytesPerSample(kind);
        var tile = new byte[tiff.TileSize()];
        for (int top = 0; top < layout.RowCount; top += tileHeight)
        {
            for (int left = 0; left < layout.ColumnCount; left += tileWidth)
            {
                if (tiff.ReadTile(tile, 0, left, top, 0, 0) < 0)
                {
                    throw new InvalidDataException($"LibTiff cannot read the tile at column {left}, row {top}");
                }
                // Tiles on the right and bottom edges reach beyond the raster; their padding is skipped.
                int width = Math.Min(tileWidth, layout.ColumnCount - left);
                int height = Math.Min(tileHeight, layout.RowCount - top);
                for (int r = 0; r < height; r++)
                {
                    Convert(
                        kind,
                        tile.AsSpan(r * tileWidth * bytesPerSample, width * bytesPerSample),
                        noData,
                        elevationsM.AsSpan(((top + r) * layout.ColumnCount) + left, width));
                }
            }
        }
    }

    private static int BytesPerSample(SampleKind kind) => kind is SampleKind.Int16 or SampleKind.UInt16 ? 2 : 4;

    /// <summary>Decoded samples (LibTiff hands them over in the machine's byte order) to metres, no-data to NaN.</summary>
    private static void Convert(SampleKind kind, ReadOnlySpan<byte> samples, double? noData, Span<float> elevationsM)
    {
        switch (kind)
        {
            case SampleKind.Int16:
                Convert(MemoryMarshal.Cast<byte, short>(samples), noData, elevationsM);
                break;
            case SampleKind.UInt16:
                Convert(MemoryMarshal.Cast<byte, ushort>(samples), noData, elevationsM);
                break;
            case SampleKind.Int32:
                Convert(MemoryMarshal.Cast<byte, int>(samples), noData, elevationsM);
                break;
            case SampleKind.Float32:
                Convert(MemoryMarshal.Cast<byte, float>(samples), noData, elevationsM);
                break;
        }
    }

    private static void Convert<T>(ReadOnlySpan<T> samples, double? noData, Span<float> elevationsM)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < elevationsM.Length; i++)
        {
            double sample = double.CreateTruncating(samples[i]);
            elevationsM[i] = sample == noData ? float.NaN : (float)sample;
        }
    }

    private static int RequiredInt(Tiff tiff, TiffTag tag) =>
        tiff.GetField(tag)?[0].ToInt() ?? throw new InvalidDataException($"the TIFF tag {tag} is missing");
}
