namespace Routing.Terrain;

/// <summary>
/// Opens terrain models from files and folders of them: GeoTIFFs in WGS 84, ETRS89 or UTM (a state's DGM1 tiles in
/// EPSG:25832, Copernicus GLO-30 in EPSG:4326), SRTM tiles (.hgt, or .hgt.zip with one tile) and XYZ tiles (.xyz).
/// </summary>
public static class ElevationFiles
{
    /// <summary>The coordinate system XYZ tiles are read in unless the caller says otherwise: that of German state DGM1 tiles.</summary>
    public const string DefaultXyzCrs = "EPSG:25832";

    /// <summary>The names a folder's terrain files end in; other files there (world files, .prj, readmes) are passed over.</summary>
    public static readonly IReadOnlyList<string> TerrainFileEndings = [".tif", ".tiff", ".hgt", ".hgt.zip", ".xyz"];

    private static readonly byte[][] TiffMagics =
    [
        "II*\0"u8.ToArray(), "MM\0*"u8.ToArray(), // classic TIFF, little- and big-endian
        "II+\0"u8.ToArray(), // BigTIFF, which GDAL writes for files over 4 GB
    ];

    /// <summary>LibTiff.NET 2.4 misreads big-endian BigTIFF, so such files are turned away with a way out.</summary>
    private static readonly byte[] BigEndianBigTiffMagic = "MM\0+"u8.ToArray();

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();

    /// <summary>
    /// The terrain model in <paramref name="paths"/>: each path is a file, or a folder whose terrain files (see
    /// <see cref="TerrainFileEndings"/>) are all used. One file is that model; several are used together, and at each
    /// point the finest one with data there answers (so a city's 1 m tiles win over a 30 m model of the region, whatever
    /// the order). Each file's kind is recognised by its content (TIFF or zip), a raw SRTM tile and an XYZ tile by their
    /// names (N43E007.hgt, *.xyz).
    /// </summary>
    /// <param name="paths">At least one file or folder.</param>
    /// <param name="smoothed">
    /// True for the model to derive inclines from: each grid is cleaned on its own with a 3 x 3 median and then a
    /// 3 x 3 binomial filter (see <see cref="ElevationGrid.Smoothed"/>). On a 90 m surface model that removes roofs and
    /// one-metre steps; on a 1 m ground model it spans 3 m, a fifth of the spacing the inclines are sampled at, so it
    /// takes out single-point outliers and centimetre noise and leaves ramps and kerbs' slopes as they are.
    /// </param>
    /// <param name="xyzCrs">The coordinate system of XYZ tiles, which do not say it themselves: "EPSG:25832" (the default) or another supported code.</param>
    /// <exception cref="TerrainFileException">A file or folder is missing or cannot be used; the message says which and why.</exception>
    public static IElevationModel Open(IReadOnlyList<string> paths, bool smoothed = false, string xyzCrs = DefaultXyzCrs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count, nameof(paths));
        string[][] filesPerPath = [.. paths.Select(FilesOf)];
        string[] files = [.. filesPerPath.SelectMany(pathFiles => pathFiles)];
        ElevationGrid[] grids = ReadAll(files, smoothed, xyzCrs);
        if (grids.Length == 1)
        {
            return grids[0];
        }
        var descriptions = new List<string>(paths.Count);
        int next = 0;
        for (int i = 0; i < paths.Count; i++)
        {
            ArraySegment<ElevationGrid> pathGrids = new(grids, next, filesPerPath[i].Length);
            next += pathGrids.Count;
            descriptions.Add(Directory.Exists(paths[i]) ? FolderDescription(paths[i], pathGrids) : pathGrids[0].Description);
        }
        return new ElevationModelSet(grids, string.Join("; ", descriptions));
    }

    /// <summary>
    /// Every file, read on as many threads as there are cores (decoding and smoothing a 1 m tile takes a while, and a city
    /// has hundreds). A grid is smoothed in its own array, so memory holds the model plus a scratch array per thread.
    /// When several files fail, the first in the given order is reported.
    /// </summary>
    private static ElevationGrid[] ReadAll(string[] files, bool smoothed, string xyzCrs)
    {
        var grids = new ElevationGrid[files.Length];
        var failures = new TerrainFileException?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            try
            {
                ElevationGrid grid = Read(files[i], xyzCrs);
                grids[i] = smoothed ? grid.SmoothedInPlace() : grid;
            }
            catch (TerrainFileException e)
            {
                failures[i] = e;
            }
        });
        return failures.FirstOrDefault(failure => failure is not null) is { } first ? throw first : grids;
    }

    /// <summary>A file as itself, a folder as its terrain files in name order.</summary>
    private static string[] FilesOf(string path)
    {
        if (!Directory.Exists(path))
        {
            return File.Exists(path) ? [path] : throw new TerrainFileException(path, "no such file or folder; check the path");
        }
        string[] files;
        try
        {
            files = [.. Directory.EnumerateFiles(path).Where(IsTerrainFileName).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TerrainFileException(path, $"the folder cannot be listed: {e.Message}", e);
        }
        return files.Length > 0
            ? files
            : throw new TerrainFileException(
                path,
                $"is a folder without terrain files (names ending in {string.Join(", ", TerrainFileEndings)}); put the tiles in it, or give the files themselves");
    }

    private static bool IsTerrainFileName(string path) =>
        TerrainFileEndings.Any(ending => path.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    /// <summary>"dgm1/ (42 files: GeoTIFF, EPSG:25832, cells of 1.0 m, smoothed)": a city's tiles in one line, not hundreds.</summary>
    private static string FolderDescription(string folder, ArraySegment<ElevationGrid> grids)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        IEnumerable<string> kinds = grids.Select(grid => grid.KindDescription).Distinct();
        return $"{name}/ ({grids.Count} {(grids.Count == 1 ? "file" : "files")}: {string.Join("; ", kinds)})";
    }

    /// <summary>
    /// Fails as <see cref="Open"/> would when a path is missing or a file is of no kind this reads, from the files' first
    /// bytes and names alone: a build checks this first and reads the model beside its other work.
    /// </summary>
    /// <exception cref="TerrainFileException">A file or folder is missing or of no kind this reads.</exception>
    public static void Check(IReadOnlyList<string> paths, string xyzCrs = DefaultXyzCrs)
    {
        foreach (string file in paths.SelectMany(FilesOf))
        {
            _ = ReaderOf(file, xyzCrs);
        }
    }

    /// <summary>One file as a grid; every failure, LibTiff's and the file system's included, as <see cref="TerrainFileException"/>.</summary>
    internal static ElevationGrid Read(string path, string xyzCrs = DefaultXyzCrs) => ReaderOf(path, xyzCrs)();

    /// <summary>How to read the file, chosen by its first bytes and its name; nothing more of it is read yet.</summary>
    private static Func<ElevationGrid> ReaderOf(string path, string xyzCrs)
    {
        if (!File.Exists(path))
        {
            throw new TerrainFileException(path, Directory.Exists(path) ? "is a folder; open it with ElevationFiles.Open" : "no such file; check the path");
        }
        byte[] start = FileStart(path);
        if (TiffMagics.Any(magic => start.AsSpan().SequenceEqual(magic)))
        {
            return () => Read(path, "a GeoTIFF", GeoTiffReader.Read);
        }
        if (start.AsSpan().SequenceEqual(BigEndianBigTiffMagic))
        {
            throw new TerrainFileException(
                path,
                "it is a big-endian BigTIFF, which LibTiff.NET cannot read; rewrite it little-endian, e.g. with gdal_translate -co ENDIANNESS=LITTLE in.tif out.tif");
        }
        if (start.AsSpan().SequenceEqual(ZipMagic))
        {
            return () => Read(path, "a zipped SRTM tile", SrtmTileReader.ReadZip);
        }
        if (path.EndsWith(".hgt", StringComparison.OrdinalIgnoreCase))
        {
            return () => Read(path, "an SRTM tile", SrtmTileReader.ReadHgt);
        }
        if (path.EndsWith(".xyz", StringComparison.OrdinalIgnoreCase))
        {
            GridCoordinateSystem system = XyzCoordinateSystem(path, xyzCrs);
            return () => Read(path, "an XYZ tile", xyzPath => XyzTileReader.Read(xyzPath, system));
        }
        throw new TerrainFileException(
            path,
            $"not a GeoTIFF, an SRTM tile nor an XYZ tile (the file starts with '{Printable(start)}'); give a GeoTIFF, an SRTM .hgt/.hgt.zip tile or an .xyz tile");
    }

    private static GridCoordinateSystem XyzCoordinateSystem(string path, string xyzCrs) =>
        GridCoordinateSystem.ParseEpsg(xyzCrs) is int code && GridCoordinateSystem.FromEpsg(code) is { } system
            ? system
            : throw new TerrainFileException(
                path,
                $"XYZ tiles are to be read in '{xyzCrs}', which is no supported coordinate system; name one such as EPSG:25832 "
                + $"(supported: {GridCoordinateSystem.Supported})");

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
