using Microsoft.Extensions.Logging;
using Routing.BaseMap;
using Routing.Web.Places;

namespace Routing.Web.BaseMap;

/// <summary>
/// The base map of one serving graph: its tiles and the place search over its places, both from the file beside the
/// graph (drawn from the extract when missing). A file that cannot be used stops the start with what to do.
/// </summary>
internal sealed partial class BaseMapLayer
{
    private BaseMapLayer(BaseTiles tiles, PlaceIndex places)
    {
        Tiles = tiles;
        Places = places;
    }

    public BaseTiles Tiles { get; }

    public PlaceIndex Places { get; }

    /// <exception cref="BaseMapFileException">The file cannot be used or drawn.</exception>
    public static BaseMapLayer LoadOrBuild(string graphPath, string osmPath, ILogger logger)
    {
        var (data, load) = BaseMapStore.LoadOrBuild(BaseMapStore.PathBeside(graphPath), osmPath, CancellationToken.None);
        if (load.Missing)
        {
            LogMissing(logger, load.Path, osmPath);
        }
        else if (load.Built)
        {
            LogBuilt(logger, load.Path, osmPath, load.Features, load.Places, load.FileBytes / 1e6, load.Elapsed.TotalSeconds);
        }
        else
        {
            LogLoaded(logger, load.Path, load.Features, load.Places, load.Elapsed.TotalSeconds);
        }
        return new BaseMapLayer(new BaseTiles(data), new PlaceIndex(data.Places));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew the base map {Path} from {OsmPath}: {Features} features, {Places} places, {Megabytes:F1} MB in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, string path, string osmPath, int features, int places, double megabytes, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No base map: {Path} is missing and so is the extract {OsmPath} to draw it from. The map shows the accessibility layer alone and the place search finds nothing; give Routing:Osm to draw it")]
    private static partial void LogMissing(ILogger logger, string path, string osmPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the base map {Path}: {Features} features, {Places} places in {Seconds:F2} s")]
    private static partial void LogLoaded(ILogger logger, string path, int features, int places, double seconds);
}
