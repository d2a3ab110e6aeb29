namespace Routing.Terrain;

/// <summary>Opens terrain models from files: GeoTIFFs in EPSG:4326 and SRTM tiles (.hgt, or .hgt.zip with one tile).</summary>
public static class ElevationFiles
{
    private static readonly byte[][] TiffMagics =
    [
        "II*\0"u8.ToArray(), "MM\0*"u8.ToArray(), // classic TIFF, little- and big-endian
        "II+\0"u8.ToArray(), // BigTIFF, which GDAL writes for files over 4 GB
    ];

    /// <summary>LibTiff.NET 2.4 misreads big-endian BigTIFF, so such files are turned away with a way out.</summary>
    private static readonly byte[] BigEndianBigTiffMagic = "MM\0+"u8.ToArray();

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();

    /// <summary>
    /// The terrain model in <paramref name="paths"/>: one file is that model, several are used together and the first
    /// (in the order given) that has data at a point answers, so list a detailed regional model before coarser tiles.
    /// Each file's kind is recognised by its content (TIFF or zip), a raw SRTM tile by its name (N43E007.hgt).
    /// </summary>
    /// <param name="paths">At least one file.</param>
    /// <param name="smoothed">
    /// True for the model to derive inclines from: each file's grid is smoothed on its own with a 3 x 3 binomial filter
    /// (1-2-1 by 1-2-1), which takes out the one-metre steps of integer elevations that would otherwise show up as
    /// slopes of several percent between neighbouring cells.
    /// </param>
    /// <exception cref="TerrainFileException">A file is missing or cannot be used; the message says which and why.</exception>
    public static IElevationModel Open(IReadOnlyList<string> paths, bool smoothed = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count, nameof(paths));
        var models = new IElevationModel[paths.Count];
        for (int i = 0; i < models.Length; i++)
        {
            ElevationGrid grid = Read(paths[i]);
            models[i] = smoothed ? grid.Smoothed() : grid;
        }
        return models.Length == 1 ? models[0] : new ElevationModelSet(models);
    }

    /// <summary>One file as a grid; every failure, LibTiff's and the file system's included, as <see cref="TerrainFileException"/>.</summary>
    internal static ElevationGrid Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TerrainFileException(
                path,
                Directory.Exists(path) ? "is a directory; give the elevation files in it one by one" : "no such file; check the path");
        }
        byte[] start = FileStart(path);
        if (TiffMagics.Any(magic => start.AsSpan().SequenceEqual(magic)))
        {
            return Read(path, "a GeoTIFF", GeoTiffReader.Read);
        }
        if (start.AsSpan().SequenceEqual(BigEndianBigTiffMagic))
        {
            throw new TerrainFileException(
                path,
                "it is a big-endian BigTIFF, which LibTiff.NET cannot read; rewrite it little-endian, e.g. with gdal_translate -co ENDIANNESS=LITTLE in.tif out.tif");
        }
        if (start.AsSpan().SequenceEqual(ZipMagic))
        {
            return Read(path, "a zipped SRTM tile", SrtmTileReader.ReadZip);
        }
        if (path.EndsWith(".hgt", StringComparison.OrdinalIgnoreCase))
        {
            return Read(path, "an SRTM tile", SrtmTileReader.ReadHgt);
        }
        throw new TerrainFileException(
            path,
            $"not a GeoTIFF nor an SRTM tile (the file starts with '{Printable(start)}'); give a GeoTIFF in EPSG:4326 or an SRTM .hgt/.hgt.zip tile");
    }

    private static ElevationGrid Read(string path, string kind, Func<string, ElevationGrid> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is not TerrainFileException)
        {
            throw new TerrainFileException(path, $"cannot be read as {kind}: {e.Message.TrimEnd('.')}; check that the file is complete and not damaged", e);
        }
    }

    private static byte[] FileStart(string path)
    {
        var start = new byte[4];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return start[..stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TerrainFileException(path, $"cannot be read: {e.Message}", e);
        }
    }

    private static string Printable(byte[] bytes) =>
        new([.. bytes.Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.')]);
}
