using Routing.Build;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>The repository's data folder, found from the benchmark's working directory or binary location.</summary>
internal static class RepositoryData
{
    public static string HeidelbergExtract => Path.Combine(Root, "data", "heidelberg.osm.pbf");

    /// <summary>The terrain model the service builds its graph with (<c>Routing:Elevation</c>'s default).</summary>
    public static string HeidelbergElevation => Path.Combine(Root, "data", "heidelberg.elevation.tif");

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The Heidelberg graph as the service builds and serves it, placed on the terrain: engine figures measured on a
    /// graph without inclines would miss the slope limits that block and reroute wheelchair routes. Without terrain
    /// (inclines only where tagged) it is only the baseline that shows what the terrain costs, in the same run.
    /// </summary>
    public static RoutingGraph BuildHeidelberg(bool terrain = true) => GraphBuild.Run(HeidelbergExtract, terrain ? [HeidelbergElevation] : []);

    private static string FindRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Routing.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository (Routing.sln not found).");
    }
}
