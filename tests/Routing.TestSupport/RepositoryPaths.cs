namespace Routing.TestSupport;

/// <summary>Paths inside the repository, found from the test's output folder (tests use data/, never ../shared).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string HeidelbergExtract => Path.Combine(Root, "data", "heidelberg.osm.pbf");

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
