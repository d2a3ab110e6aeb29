using System.Diagnostics;
using Routing.Osm.Import;

namespace Routing.BaseMap;

/// <summary>What <see cref="BaseMapStore.LoadOrBuild"/> did, for the log.</summary>
/// <param name="Built">The file was missing and was drawn from the extract now.</param>
public sealed record BaseMapLoad(string Path, bool Built, int Features, int Places, long FileBytes, TimeSpan Elapsed);

/// <summary>
/// The base map beside the graph: read from its file, or drawn from the extract first when the file is missing. A
/// file that cannot be used is refused, never silently replaced: it may be someone's deliberate copy.
/// </summary>
internal static class BaseMapStore
{
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
        if (!File.Exists(osmPath))
        {
            throw new BaseMapFileException($"The base map {path} is drawn from the OSM extract {osmPath}, which does not exist. Set Routing:Osm to the extract the graph was built from.");
        }
        var source = BaseMapFile.SourceIdentity(osmPath);
        bool built = false;
        BaseMapData data;
        if (File.Exists(path))
        {
            data = BaseMapFile.Read(path, source, osmPath);
        }
        else
        {
            try
            {
                data = BaseMapExtractor.Extract(osmPath, DistrictsBeside(osmPath), cancellation);
                BaseMapFile.Write(data, source, path);
                built = true;
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
        return (data, new BaseMapLoad(path, built, data.Features.Count, data.Places.Count, new FileInfo(path).Length, clock.Elapsed));
    }
}
