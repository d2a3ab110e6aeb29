using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Routing.Terrain;

/// <summary>
/// Reads SRTM tiles: raw big-endian int16 samples without a header, one degree square, named after the south-west
/// corner (N43E007.hgt). Samples sit on the tile's edges (pixel is point), so neighbouring tiles share a row or column.
/// </summary>
internal static partial class SrtmTileReader
{
    private const string Format = "SRTM";
    private const short VoidValue = short.MinValue;

    /// <summary>Samples per side: SRTM3 (3 arc-seconds) and SRTM1 (1 arc-second); the file size says which.</summary>
    private static readonly int[] TileSides = [1201, 3601];

    public static ElevationGrid ReadHgt(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(path, Path.GetFileName(path), "the file", stream, stream.Length);
    }

    /// <summary>A zip holding one .hgt tile, read from the archive without extracting it to disk.</summary>
    public static ElevationGrid ReadZip(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        ZipArchiveEntry[] tiles = [.. zip.Entries.Where(entry => entry.Name.EndsWith(".hgt", StringComparison.OrdinalIgnoreCase))];
        if (tiles.Length != 1)
        {
            string held = zip.Entries.Count == 0 ? "nothing" : string.Join(", ", zip.Entries.Select(entry => entry.FullName));
            throw new TerrainFileException(
                path,
                $"a zipped SRTM tile must hold exactly one .hgt file, this one holds {held}; zip one tile such as N43E007.hgt per file");
        }
        using Stream stream = tiles[0].Open();
        return Read(path, tiles[0].Name, $"the zipped tile {tiles[0].Name}", stream, tiles[0].Length);
    }

    /// <param name="tileName">The name that places the tile (the file's or the zip entry's).</param>
    /// <param name="subject">What the messages call the tile's bytes: the file itself or the entry in the zip.</param>
    private static ElevationGrid Read(string path, string tileName, string subject, Stream stream, long byteCount)
    {
        (int southLatitude, int westLongitude) = SouthWestCorner(path, tileName);
        int side = TileSide(path, subject, byteCount);
        var elevationsM = new float[side * side];
        var rowBytes = new byte[side * sizeof(short)];
        for (int row = 0; row < side; row++)
        {
            try
            {
                stream.ReadExactly(rowBytes);
            }
            catch (EndOfStreamException e)
            {
                // The size was right but the data ends early: a damaged zip entry.
                throw new TerrainFileException(path, $"{subject} is truncated: it ends in row {row} of {side}; download the tile again", e);
            }
            Span<float> rowM = elevationsM.AsSpan(row * side, side);
            for (int column = 0; column < side; column++)
            {
                short sample = BinaryPrimitives.ReadInt16BigEndian(rowBytes.AsSpan(column * sizeof(short)));
                rowM[column] = sample == VoidValue ? float.NaN : sample;
            }
        }
        double cellSizeDeg = 1.0 / (side - 1);
        var layout = new RasterLayout(side, side, southLatitude + 1, westLongitude, cellSizeDeg, cellSizeDeg);
        return new ElevationGrid(Path.GetFileName(path), Format, GridCoordinateSystem.Geographic, layout, elevationsM);
    }

    private static (int SouthLatitude, int WestLongitude) SouthWestCorner(string path, string tileName)
    {
        Match match = TileNamePattern().Match(tileName);
        if (!match.Success)
        {
            throw new TerrainFileException(
                path,
                $"the tile name '{tileName}' does not say where the tile is: SRTM tiles are named after their south-west corner, "
                + "e.g. N43E007.hgt (S and W for south and west); give the tile its original name");
        }
        int latitude = int.Parse(match.Groups["lat"].ValueSpan, CultureInfo.InvariantCulture);
        int longitude = int.Parse(match.Groups["lon"].ValueSpan, CultureInfo.InvariantCulture);
        return (
            char.ToUpperInvariant(match.Groups["ns"].ValueSpan[0]) == 'S' ? -latitude : latitude,
            char.ToUpperInvariant(match.Groups["ew"].ValueSpan[0]) == 'W' ? -longitude : longitude);
    }

    private static int TileSide(string path, string subject, long byteCount)
    {
        foreach (int side in TileSides)
        {
            if (byteCount == BytesOf(side))
            {
                return side;
            }
        }
        int smallest = TileSides[0];
        if (byteCount < BytesOf(smallest))
        {
            throw new TerrainFileException(
                path,
                $"{subject} is truncated: a {smallest}x{smallest} SRTM tile needs {BytesOf(smallest)} bytes, found {byteCount}; download the tile again");
        }
        string sizes = string.Join(" or ", TileSides.Select(s => $"{BytesOf(s)} bytes ({s}x{s})"));
        throw new TerrainFileException(
            path,
            $"{subject} has {byteCount} bytes, which is no SRTM tile size ({sizes}); give an SRTM1 or SRTM3 .hgt tile");
    }

    private static long BytesOf(int side) => (long)side * side * sizeof(short);

    [GeneratedRegex(@"^(?<ns>[NS])(?<lat>\d{2})(?<ew>[EW])(?<lon>\d{3})\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TileNamePattern();
}
