namespace Routing.Terrain;

/// <summary>
/// An elevation file cannot be used: missing, of a kind that is not read, truncated, corrupt, without georeferencing
/// or in another coordinate system. The message names the file, says what is wrong and what to do about it.
/// </summary>
public sealed class TerrainFileException : Exception
{
    /// <param name="filePath">The file (or files) at fault, as the user gave them.</param>
    /// <param name="problem">What is wrong and what to do, e.g. "not a GeoTIFF (...); give a GeoTIFF in EPSG:4326".</param>
    public TerrainFileException(string filePath, string problem)
        : this(filePath, problem, null)
    {
    }

    public TerrainFileException(string filePath, string problem, Exception? innerException)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file as it was given (not made absolute), so that the message matches what the user typed.</summary>
    public string FilePath { get; }
}
