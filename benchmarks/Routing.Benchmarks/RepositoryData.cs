namespace Routing.Benchmarks;

/// <summary>The repository's data folder, found from the benchmark's working directory or binary location.</summary>
internal static class RepositoryData
{
    public static string HeidelbergExtract => Path.Combine(Root, "data", "heidelberg.osm.pbf");

    public static string Root { get; } = FindRoot();

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
