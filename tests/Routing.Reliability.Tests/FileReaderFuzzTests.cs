using System.Buffers.Binary;
using System.IO.Compression;
using CsCheck;
using OsmSharp.Streams;
using Routing.Osm.Import;
using Routing.Terrain;
using Routing.TestSupport;
using Xunit.Abstractions;

namespace Routing.Reliability.Tests;

/// <summary>
/// The readers of what operators feed the build, on mutated files: an OSM extract (.osm and .osm.pbf) and terrain
/// models (GeoTIFF, SRTM .hgt and .hgt.zip). A reader may accept a file or refuse it with its own exception, whose
/// message names the file; any other exception is a failure.
/// </summary>
public sealed class FileReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <summary>Byte-level damage: flips, a cut, a dropped or inserted run, a repeated run; sometimes several at once.</summary>
    /// <remarks>
    /// An SRTM tile is 2.9 MB: each damage copies the bytes once, from spans rather than sliced arrays, and flips
    /// land in the case's own copy, so that a case costs one copy per damage rather than three.
    /// </remarks>
    private static Gen<byte[]> Mutations(byte[] original) =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, original.Length], Gen.Int[1, 64], Gen.Byte.Array[1, 16], Gen.Int[1, 4]).Select(m =>
        {
            var (how, at, length, noise, times) = m;
            byte[] bytes = original;
            for (int time = 0; time < times; time++)
            {
                at = Math.Min(at, bytes.Length);
                int end = Math.Min(bytes.Length, at + length);
                var span = bytes.AsSpan();
                bytes = how switch
                {
                    1 => span[..at].ToArray(),
                    2 => [.. span[..at], .. span[end..]],
                    3 => [.. span[..at], .. noise, .. span[at..]],
                    4 => [.. span[..end], .. span[at..]],
                    _ => Flip(ReferenceEquals(bytes, original) ? [.. span] : bytes, at, noise),
                };
                at = (at * 31 + length) % Math.Max(1, bytes.Length);
            }
            return bytes;
        });

    [Fact]
    public void Osm_xml_extracts_are_read_or_refused_with_OsmInputException() =>
        Fuzz("OSM .osm", Mutations(File.ReadAllBytes(RepositoryPaths.Fixture("accessibility.osm"))), ".osm",
            path => OsmImporter.Import(path), ex => ex is OsmInputException);

    [Fact]
    public void Osm_pbf_extracts_are_read_or_refused_with_OsmInputException()
    {
        byte[] pbf = FixtureAsPbf();
        // Damage means something only if the undamaged file is read.
        string whole = _directory.File("whole.osm.pbf");
        File.WriteAllBytes(whole, pbf);
        Assert.NotEqual(0, OsmImporter.Import(whole).Graph.EdgeCount);
        Fuzz("OSM .osm.pbf", Mutations(pbf), ".osm.pbf", path => OsmImporter.Import(path), ex => ex is OsmInputException);
    }

    [Fact]
    public void GeoTiffs_are_read_or_refused_with_TerrainFileException()
    {
        string fixtures = Path.Combine(RepositoryPaths.Root, "tests", "Routing.Terrain.Tests", "Fixtures");
        byte[] utm = File.ReadAllBytes(Path.Combine(fixtures, "utm32_small.tif")), wgs84 = File.ReadAllBytes(Path.Combine(fixtures, "glo30_like.tif"));
        Fuzz("GeoTIFF", Gen.OneOf(Mutations(utm), Mutations(wgs84)), ".tif", OpenAndSample, ex => ex is TerrainFileException);
    }

    [Fact]
    public void Srtm_tiles_are_read_or_refused_with_TerrainFileException()
    {
        // A real tile's size (1201 x 1201, 3 arc-seconds) with a slope, so that cuts and flips land in data and in size.
        byte[] hgt = new byte[1201 * 1201 * 2];
        for (int i = 0; i < 1201 * 1201; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(hgt.AsSpan(i * 2), (short)(100 + (i % 1201 / 10)));
        }
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("N49E008.hgt").Open())
        {
            entry.Write(hgt);
        }
        Fuzz("SRTM .hgt.zip", Mutations(zipped.ToArray()), "N49E008.hgt.zip", OpenAndSample, ex => ex is TerrainFileException);
        Fuzz("SRTM .hgt", Mutations(hgt), "N49E008.hgt", OpenAndSample, ex => ex is TerrainFileException);
    }

    private static void OpenAndSample(string path)
    {
        var model = ElevationFiles.Open([path]);
        model.TryGetElevationM(49.41, 8.69, out _);
        model.CellSizeMAt(49.41, 8.69);
    }

    /// <param name="ending">The file's name ending: readers choose by it (.osm, .osm.pbf) or by a name (N49E008.hgt).</param>
    private void Fuzz(string surface, Gen<byte[]> files, string ending, Action<string> read, Func<Exception, bool> refusal)
    {
        var outcomes = new Tally();
        files.Sample(bytes =>
        {
            string folder = Path.Combine(_directory.Path, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, ending.StartsWith('.') ? "case" + ending : ending);
            File.WriteAllBytes(path, bytes);
            try
            {
                read(path);
                outcomes.Add("read");
            }
            catch (Exception ex) when (refusal(ex))
            {
                Assert.Contains(Path.GetFileName(path), ex.Message, StringComparison.Ordinal);
                outcomes.Add("refused");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }, iter: Cases.PerSurface, threads: 2);
        Cases.Report(output, surface, outcomes.Total, outcomes.ToString());
    }

    /// <summary>The hand-written fixture written as PBF by OsmSharp, the library the importer reads with.</summary>
    private byte[] FixtureAsPbf()
    {
        string path = _directory.File("fixture.osm.pbf");
        using (var source = File.OpenRead(RepositoryPaths.Fixture("accessibility.osm")))
        using (var target = File.Create(path))
        {
            // The PBF encoder needs the metadata the hand-written fixture leaves out.
            var geos = new XmlOsmStreamSource(source).Select(geo =>
            {
                geo.Version ??= 1;
                geo.ChangeSetId ??= 1;
                geo.TimeStamp ??= new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                geo.UserId ??= 1;
                geo.UserName ??= "fixture";
                geo.Visible ??= true;
                return geo;
            }).ToList();
            // Uncompressed, so that damage lands in the protobuf data rather than only breaking zlib.
            var pbf = new PBFOsmStreamTarget(target, compress: false);
            pbf.RegisterSource(new OsmEnumerableStreamSource(geos));
            pbf.Pull();
            pbf.Flush();
        }
        return File.ReadAllBytes(path);
    }

    /// <summary>Flips bytes of <paramref name="bytes"/> in place (never the original: the caller passes its own copy).</summary>
    private static byte[] Flip(byte[] bytes, int at, byte[] noise)
    {
        for (int i = 0; i < noise.Length && at + i < bytes.Length; i++)
        {
            bytes[at + i] ^= noise[i] == 0 ? (byte)0xFF : noise[i];
        }
        return bytes;
    }

    public void Dispose() => _directory.Dispose();
}
