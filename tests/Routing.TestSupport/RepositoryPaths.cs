namespace Routing.TestSupport;

/// <summary>Paths inside the repository, found from the test's output folder (tests use data/, never ../shared).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string HeidelbergExtract => Path.Combine(Root, "data", "heidelberg.osm.pbf");

    /// <summary>The terrain model for Heidelberg (GeoTIFF, 3 arc-seconds).</summary>
    public static string HeidelbergElevation => Path.Combine(Root, "data", "heidelberg.elevation.tif");

    public static string MonacoExtract => Path.Combine(Root, "data", "monaco.osm.pbf");

    /// <summary>The SRTM3 tile covering Monaco (N43 E7), zipped.</summary>
    public static string MonacoElevation => Path.Combine(Root, "data", "N43E007.hgt.zip");

    /// <summary>
    /// The fixed set of 200 urban Heidelberg pairs of 1 to 3 km on foot (made by the benchmarks' <c>make-urban</c>):
    /// tests and benchmarks judge refusals on the same pairs.
    /// </summary>
    public static string UrbanPairs => Path.Combine(Root, "benchmarks", "queries", "heidelberg-urban-1-3km.csv");

    /// <summary>A hand-written OSM file in tests/Routing.TestSupport/Fixtures (each describes itself in its header).</summary>
    public static string Fixture(string name) => Path.Combine(Root, "tests", "Routing.TestSupport", "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Routing.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Routing.sln not found above {AppContext.BaseDirectory}");
    }
}
