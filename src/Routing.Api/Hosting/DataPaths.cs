namespace Routing.Api.Hosting;

/// <summary>
/// Resolves the configured data paths. An absolute path is taken as it is. A relative path names the first existing
/// file or folder (the terrain may be a folder of tiles) relative to the content root (the working directory of <c>dotnet run</c>) or relative to the repository root
/// (the folder holding <c>Routing.sln</c> above the content root or the program); a file that exists in neither place
/// belongs under the repository root when there is one, else under the content root. So
/// <c>dotnet run --project src/Routing.Api</c> finds <c>data/heidelberg.graph</c> from anywhere in the repository.
/// </summary>
/// <param name="ElevationXyzCrs">The coordinate system of .xyz terrain tiles, as configured (they do not name it themselves).</param>
internal sealed record DataPaths(string GraphPath, string OsmPath, IReadOnlyList<string> ElevationPaths, string ElevationXyzCrs)
{
    public static DataPaths Resolve(RoutingDataOptions options, string contentRoot)
    {
        string? repositoryRoot = FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        return new DataPaths(
            ResolvePath(options.Graph, nameof(options.Graph), contentRoot, repositoryRoot),
            ResolvePath(options.Osm, nameof(options.Osm), contentRoot, repositoryRoot),
            [.. options.Elevation.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(path => ResolvePath(path, nameof(options.Elevation), contentRoot, repositoryRoot))],
            options.ElevationXyzCrs);
    }

    internal static string ResolvePath(string? configured, string key, string contentRoot, string? repositoryRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new GraphStartupException($"Configuration value {RoutingDataOptions.Section}:{key} is empty; give the path of a file.");
        }
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }
        string inContentRoot = Path.GetFullPath(configured, contentRoot);
        if (File.Exists(inContentRoot) || Directory.Exists(inContentRoot) || repositoryRoot is null)
        {
            return inContentRoot;
        }
        return Path.GetFullPath(configured, repositoryRoot);
    }

    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Routing.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
