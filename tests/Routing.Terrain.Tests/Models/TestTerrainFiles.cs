using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;

namespace Routing.Terrain.Tests;

/// <summary>Small terrain files written by the tests, with contents the tests know cell by cell.</summary>
internal static class TestTerrainFiles
{
    public const int Srtm3Side = 1201;

    /// <summary>Pixel-is-area and WGS 84, the usual GeoTIFF DEM: version 1.1.0, three keys.</summary>
    public static readonly ushort[] Wgs84AreaKeys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326];

    public static readonly ushort[] Wgs84PointKeys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 2, 2048, 0, 1, 4326];

    /// <summary>ETRS89 / UTM zone 32N, the projected system of German state survey DEMs.</summary>
    public static readonly ushort[] Utm32Keys = [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 25832];

    /// <summary>A raw SRTM tile: <paramref name="side"/> x <paramref name="side"/> big-endian int16 samples from <paramref name="sample"/>(row, column).</summary>
    public static void WriteHgt(string path, int side, Func<int, int, short> sample)
    {
        File.WriteAllBytes(path, HgtBytes(side, sample));
    }

    public static byte[] HgtBytes(int side, Func<int, int, short> sample)
    {
        var bytes = new byte[side * side * sizeof(short)];
        for (int row = 0; row < side; row++)
        {
            for (int column = 0; column < side; column++)
            {
                BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(((row * side) + column) * sizeof(short)), sample(row, column));
            }
        }
        return bytes;
    }

    public static void WriteZip(string path, params (string Name, byte[] Content)[] entries)
    {
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach ((string name, byte[] content) in entries)
        {
            using Stream stream = zip.CreateEntry(name).Open();
            stream.Write(content);
        }
    }

    /// <summary>Writes <paramref name="tiff"/> with LibTiff, the library the reader uses, configured the same way.</summary>
    public static void Write(string path, TestGeoTiff tiff)
    {
        LibTiffSetup.Install();
        using Tiff file = Tiff.Open(path, "w" + (tiff.BigEndian ? "b" : "") + (tiff.BigTiff ? "8" : ""));
        file.SetField(TiffTag.IMAGEWIDTH, tiff.Width);
        file.SetField(TiffTag.IMAGELENGTH, tiff.Height);
        file.SetField(TiffTag.SAMPLESPERPIXEL, tiff.Bands);
        file.SetField(TiffTag.BITSPERSAMPLE, tiff.BitsPerSample);
        file.SetField(TiffTag.SAMPLEFORMAT, tiff.SampleFormat);
        file.SetField(TiffTag.PHOTOMETRIC, tiff.Bands == 3 ? Photometric.RGB : Photometric.MINISBLACK);
        file.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        file.SetField(TiffTag.COMPRESSION, tiff.Compression);
        if (tiff.PixelScale is double[] scale)
        {
            file.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, scale.Length, scale);
        }
        if (tiff.Tiepoint is double[] tiepoint)
        {
            file.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, tiepoint.Length, tiepoint);
        }
        if (tiff.GeoKeys is ushort[] keys)
        {
            file.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
        }
        if (tiff.NoData is string noData)
        {
            file.SetField(TiffTag.GDAL_NODATA, noData);
        }
        int bytesPerSample = tiff.BitsPerSample / 8 * tiff.Bands;
        if (tiff.TileSize is int tileSize)
        {
            file.SetField(TiffTag.TILEWIDTH, tileSize);
            file.SetField(TiffTag.TILELENGTH, tileSize);
            for (int top = 0; top < tiff.Height; top += tileSize)
            {
                for (int left = 0; left < tiff.Width; left += tileSize)
                {
                    var tile = new byte[tileSize * tileSize * bytesPerSample];
                    for (int r = 0; r < tileSize && top + r < tiff.Height; r++)
                    {
                        for (int c = 0; c < tileSize && left + c < tiff.Width; c++)
                        {
                            tiff.WriteSample(tiff.Value(top + r, left + c), tile.AsSpan(((r * tileSize) + c) * bytesPerSample));
                        }
                    }
                    file.WriteTile(tile, left, top, 0, 0);
                }
            }
        }
        else
        {
            file.SetField(TiffTag.ROWSPERSTRIP, tiff.RowsPerStrip);
            var scanline = new byte[tiff.Width * bytesPerSample];
            for (int row = 0; row < tiff.Height; row++)
            {
                for (int column = 0; column < tiff.Width; column++)
                {
                    tiff.WriteSample(tiff.Value(row, column), scanline.AsSpan(column * bytesPerSample));
                }
                file.WriteScanline(scanline, row);
            }
        }
    }
}

/// <summary>
/// What <see cref="TestTerrainFiles.Write"/> writes: by default a 16-bit signed, single-band, uncompressed, striped,
/// little-endian GeoTIFF in WGS 84 (pixel is area) whose cell (row, column) holds 100 + 10 row + column.
/// </summary>
internal sealed class TestGeoTiff
{
    public int Width { get; init; } = 5;

    public int Height { get; init; } = 4;

    public Func<int, int, double> Value { get; init; } = (row, column) => 100 + (10 * row) + column;

    public int Bands { get; init; } = 1;

    public int BitsPerSample { get; init; } = 16;

    public SampleFormat SampleFormat { get; init; } = SampleFormat.INT;

    public Compression Compression { get; init; } = Compression.NONE;

    public bool BigEndian { get; init; }

    /// <summary>The 64-bit TIFF variant GDAL writes for files over 4 GB.</summary>
    public bool BigTiff { get; init; }

    public int RowsPerStrip { get; init; } = 2;

    /// <summary>Tiles of this size instead of strips.</summary>
    public int? TileSize { get; init; }

    /// <summary>Half a degree wide, a quarter high, so that mixing up the axes shows.</summary>
    public double[]? PixelScale { get; init; } = [0.5, 0.25, 0];

    /// <summary>Raster (0, 0) at 8° E, 50° N.</summary>
    public double[]? Tiepoint { get; init; } = [0, 0, 0, 8, 50, 0];

    public ushort[]? GeoKeys { get; init; } = TestTerrainFiles.Wgs84AreaKeys;

    public string? NoData { get; init; }

    /// <summary>Native byte order: LibTiff swaps to the file's order itself.</summary>
    public void WriteSample(double value, Span<byte> target)
    {
        for (int band = 0; band < Bands; band++)
        {
            Span<byte> sample = target[(band * BitsPerSample / 8)..];
            switch (SampleFormat, BitsPerSample)
            {
                case (SampleFormat.INT, 16):
                    MemoryMarshal.Write(sample, (short)value);
                    break;
                case (SampleFormat.UINT, 16):
                    MemoryMarshal.Write(sample, (ushort)value);
                    break;
                case (SampleFormat.INT, 32):
                    MemoryMarshal.Write(sample, (int)value);
                    break;
                case (SampleFormat.IEEEFP, 32):
                    MemoryMarshal.Write(sample, (float)value);
                    break;
                case (SampleFormat.UINT, 8):
                    sample[0] = (byte)value;
                    break;
                default:
                    throw new NotSupportedException($"{BitsPerSample}-bit {SampleFormat}");
            }
        }
    }
}
