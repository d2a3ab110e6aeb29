using System.Diagnostics;
using Routing.Osm.Import;

namespace Routing.BaseMap;

/// <summary>What <see cref="BaseMapStore.LoadOrBuild"/> did, for the log.</summary>
/// <param name="Built">The file was missing and was drawn from the extract now.</param>
/// <param name="Missing">Neither the file nor the extract to draw it from exists: the base map is empty.</param>
public sealed record BaseMapLoad(string Path, bool Built, bool Missing, int Features, int Places, long FileBytes, TimeSpan Elapsed);

/// <summary>
/// The base map beside the graph: read from its file, or drawn from the extract first when the file is missing. A
/// file that cannot be used is refused, never silently replaced: it may be someone's deliberate copy. Without the
/// extract (a graph file shipped alone) a file is read as it is, and no file means an empty base map: the graph
/// still serves routes, as it always could.
/// </summary>
internal static class BaseMapStore
{
    private static readonly BaseMapData Empty = new([], []);

    /// <summary><c>data/heidelberg.graph</c> keeps its base map in <c>data/heidelberg.basemap</c>.</summary>
    public static string PathBeside(string graphPath) => Path.ChangeExtension(graphPath, ".basemap");

    /// <summary>A district file beside the extract (<c>heidelberg.osm.pbf</c> → <c>heidelberg.districts.tsv</c>), when there is one.</summary>
    public static string DistrictsBeside(string osmPath)
    {
        string name = Path.GetFileName(osmPath);
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return Path.Combine(Path.GetDirectoryName(osmPath) ?? "", (dot > 0 ? name[..dot] : name) + ".districts.tsv");
    }

    /// <exception cref="BaseMapFileException">The file cannot be used, or the extract cannot be read to draw it.</exception>
    public static (BaseMapData Data, BaseMapLoad Load) LoadOrBuild(string path, string osmPath, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        bool haveExtract = File.Exists(osmPath), haveFile = File.Exists(path);
        if (!haveExtract && !haveFile)
        {
            return (Empty, new BaseMapLoad(path, Built: false, Missing: true, 0, 0, 0, clock.Elapsed));
        }
        var source = haveExtract ? BaseMapFile.SourceIdentity(osmPath) : ((long, ulong)?)null;
        BaseMapData data;
        if (haveFile)
        {
            data = BaseMapFile.Read(path, source, osmPath);
        }
        else
        {
            try
            {
                data = BaseMapExtractor.Extract(osmPath, DistrictsBeside(osmPath), cancellation);
                BaseMapFile.Write(data, source!.Value, path);
            }
            catch (OsmInputException ex)
            {
                throw new BaseMapFileException($"Drawing the base map {path} failed: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new BaseMapFileException($"The base map drawn from {osmPath} could not be written to {path}: {ex.Message}", ex);
            }
        }
        return (data, new BaseMapLoad(path, Built: !haveFile, Missing: false, data.Features.Count, data.Places.Count, new FileInfo(path).Length, clock.Elapsed));
    }
}
