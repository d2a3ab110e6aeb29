using System.Diagnostics;
using System.Globalization;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.Terrain;

namespace Routing.Build;

/// <summary>
/// The whole build, as both the preprocessing tool and the service's first start run it: import the OSM extract,
/// then place the graph on the terrain model when one is given. Writing the file is the caller's part.
/// </summary>
public static class GraphBuild
{
    /// <param name="osmPath">The OSM extract.</param>
    /// <param name="elevationPaths">Terrain files and folders of them (see <see cref="ElevationFiles.Open"/>); none for a graph without terrain.</param>
    /// <param name="observer">Told of each phase.</param>
    /// <param name="xyzCrs">The coordinate system of XYZ tiles among the terrain files, which do not name it themselves.</param>
    /// <exception cref="OsmInputException">The extract cannot be read or holds no walkable ways.</exception>
    /// <exception cref="TerrainFileException">An elevation file cannot be read, or none of them covers the extract.</exception>
    public static RoutingGraph Run(
        string osmPath, IReadOnlyList<string> elevationPaths, IImportObserver? observer = null, string xyzCrs = ElevationFiles.DefaultXyzCrs)
    {
        var clock = Stopwatch.StartNew();
        observer ??= IImportObserver.Silent;
        if (elevationPaths.Count == 0)
        {
            return OsmImporter.Import(osmPath, observer).Graph;
        }
        // The terrain model and the extract do not depend on each other: the model is read on its own thread while
        // the extract is imported. A missing or unreadable kind of elevation file fails before the import starts (the
        // check reads only the files' first bytes); a file that fails later, while it is read, cancels the import.
        ElevationFiles.Check(elevationPaths, xyzCrs);
        using var cancelImport = new CancellationTokenSource();
        var terrainClock = Stopwatch.StartNew();
        var reading = Task.Run(() =>
        {
            try
            {
                var model = ElevationFiles.Open(elevationPaths, smoothed: true, xyzCrs);
                terrainClock.Stop();
                return model;
            }
            catch
            {
                cancelImport.Cancel();
                throw;
            }
        });
        RoutingGraph graph;
        try
        {
            graph = OsmImporter.Import(osmPath, observer, cancelImport.Token).Graph;
        }
        catch (OperationCanceledException)
        {
            reading.GetAwaiter().GetResult(); // throws the terrain's failure, which cancelled the import
            throw;
        }
        var terrain = reading.GetAwaiter().GetResult();
        observer.PhaseRanBeside("Reading terrain", terrainClock.Elapsed, terrain.Description);
        var placed = PlaceOnTerrain(graph, terrain, elevationPaths, observer);
        return placed.WithMetadata(placed.Metadata with
        {
            BuildSeconds = clock.Elapsed.TotalSeconds,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        });
    }

    /// <summary>An imported graph on the terrain of the given elevation files (smoothed, as inclines need).</summary>
    /// <exception cref="TerrainFileException">An elevation file cannot be read, or none of them covers the graph.</exception>
    public static RoutingGraph PlaceOnTerrain(RoutingGraph graph, IReadOnlyList<string> elevationPaths) =>
        PlaceOnTerrain(graph, ElevationFiles.Open(elevationPaths, smoothed: true, ElevationFiles.DefaultXyzCrs), elevationPaths, IImportObserver.Silent);

    private static RoutingGraph PlaceOnTerrain(RoutingGraph graph, IElevationModel terrain, IReadOnlyList<string> elevationPaths, IImportObserver observer)
    {
        observer.PhaseStarted("Deriving inclines");
        var placed = GraphTerrain.Apply(graph, terrain, graph.Metadata with { ElevationSource = terrain.Description });
        double coveredShare = CoveredShare(placed);
        if (coveredShare == 0)
        {
            var box = graph.Bounds;
            throw new TerrainFileException(string.Join(", ", elevationPaths), string.Create(CultureInfo.InvariantCulture,
                $"covers none of the extract (lat {box.MinLat:F3} to {box.MaxLat:F3}, lon {box.MinLon:F3} to {box.MaxLon:F3}). Give the elevation model of this area."));
        }
        observer.PhaseFinished(string.Create(CultureInfo.InvariantCulture,
            $"{coveredShare:P1} of vertices on the terrain, incline known on {GraphStatistics.Of(placed).KnownInclineShare:P1} of walkable length"));
        return placed;
    }

    private static double CoveredShare(RoutingGraph graph)
    {
        int covered = 0;
        foreach (float elevationM in graph.VertexElevationM)
        {
            covered += float.IsNaN(elevationM) ? 0 : 1;
        }
        return graph.VertexCount == 0 ? 0 : (double)covered / graph.VertexCount;
    }
}
