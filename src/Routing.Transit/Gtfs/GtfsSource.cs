using System.IO.Compression;

namespace Routing.Transit.Gtfs;

/// <summary>A feed as a zip file or a folder of <c>.txt</c> tables; opens each table by name.</summary>
internal sealed class GtfsSource : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly string _path;

    public GtfsSource(string path)
    {
        _path = path;
        if (Directory.Exists(path))
        {
            return;
        }
        if (!File.Exists(path))
        {
            throw new GtfsFormatException($"{path}: no such file or folder; Transit:Gtfs takes GTFS zip files or folders, separated by ';'");
        }
        try
        {
            _zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new GtfsFormatException($"{path}: not a zip file and not a folder ({ex.Message})", ex);
        }
    }

    /// <summary>The table, or null when the feed has no such file.</summary>
    public CsvTableReader? Open(string fileName)
    {
        if (_zip is not null)
        {
            var entry = _zip.Entries.FirstOrDefault(e => string.Equals(Path.GetFileName(e.FullName), fileName, StringComparison.OrdinalIgnoreCase));
            return entry is null ? null : new CsvTableReader(entry.Open(), $"{_path}:{fileName}");
        }
        string file = Path.Combine(_path, fileName);
        return File.Exists(file) ? new CsvTableReader(File.OpenRead(file), file) : null;
    }

    /// <exception cref="GtfsFormatException">The feed has no such file.</exception>
    public CsvTableReader OpenRequired(string fileName) =>
        Open(fileName) ?? throw new GtfsFormatException($"{Path.Combine(_path, fileName)}: missing; every GTFS feed has it");

    public void Dispose() => _zip?.Dispose();
}
