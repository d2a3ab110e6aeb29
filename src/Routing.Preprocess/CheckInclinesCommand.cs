using System.Globalization;
using Routing.Osm.Import;
using Routing.Terrain;

namespace Routing.Preprocess;

/// <summary>
/// <c>check-inclines INPUT -e FILE [--csv FILE]</c>: how well a terrain model agrees with the inclines mappers tagged in
/// the extract, before and after the confidence rule. A city checks its model with it before trusting it.
/// </summary>
internal static class CheckInclinesCommand
{
    public static int Run(string inputPath, IReadOnlyList<string> elevationPaths, string? csvPath, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<TaggedIncline> comparisons;
        string model;
        try
        {
            var terrain = ElevationFiles.Open(elevationPaths, smoothed: true);
            model = terrain.Description;
            comparisons = InclineAccuracy.Compare(OsmImporter.Import(inputPath).Graph, terrain);
        }
        catch (Exception ex) when (ex is OsmInputException or TerrainFileException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        var ground = comparisons.Where(c => !c.OnStructure).ToList();
        stdout.WriteLine($"{ground.Count} edges with a tagged incline (bridges and tunnels left out), on {model}");
        stdout.WriteLine();
        stdout.WriteLine("| length | edges | median error, steepest 30 m | median error, two cells | high confidence |");
        stdout.WriteLine("|---|---|---|---|---|");
        foreach (var band in InclineAccuracy.ByLength(ground))
        {
            string length = double.IsPositiveInfinity(band.ToM) ? $"{band.FromM:0} m and more" : $"{band.FromM:0}-{band.ToM:0} m";
            stdout.WriteLine(Invariant($"| {length} | {band.Edges} | {band.MedianErrorSteepestPct:F1} pts | {band.MedianErrorResolvedPct:F1} pts | {band.HighConfidenceShare:P0} |"));
        }
        stdout.WriteLine();
        stdout.WriteLine("| limit | tagged within / beyond | level called steep, before | level blocked, after | steep called flat, before | steep unflagged, after | steep still blocked, after | blocks right, after |");
        stdout.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var limit in InclineAccuracy.ByLimit(ground))
        {
            stdout.WriteLine(Invariant($"| {limit.LimitPct:0} % | {limit.TaggedWithin} / {limit.TaggedBeyond} | {limit.FalseSteepBefore:P0} | {limit.FalseSteepAfter:P0} | {limit.FalseFlatBefore:P0} | {limit.FalseFlatAfter:P0} | {limit.SteepBlockedAfter:P0} | {limit.BlocksRightAfter:P0} |"));
        }
        if (csvPath is not null)
        {
            try
            {
                WriteCsv(csvPath, comparisons);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write {csvPath}: {ex.Message} Choose a writable path.");
                return ExitCodes.BadInput;
            }
        }
        return ExitCodes.Ok;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Written beside the target and renamed, so that a failed write never leaves half a file.</summary>
    private static void WriteCsv(string path, IReadOnlyList<TaggedIncline> comparisons)
    {
        string temporary = path + ".tmp";
        try
        {
            WriteCsvTo(temporary, comparisons);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteCsvTo(string path, IReadOnlyList<TaggedIncline> comparisons)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("osm_way_id,tagged_pct,length_m,cell_size_m,average_pct,steepest_pct,resolved_pct,relief_pct,on_structure,confidence,assured_pct");
        foreach (var c in comparisons)
        {
            var r = c.Reading;
            var (confidence, assuredPct) = c.Judged;
            writer.WriteLine(Invariant(
                $"{c.OsmWayId},{c.TaggedPct},{r.LengthM:F1},{r.CellSizeM:F1},{r.AveragePct:F2},{r.SteepestPct:F2},{r.ResolvedPct:F2},{r.ReliefPct:F2},{c.OnStructure},{confidence},{assuredPct:F2}"));
        }
    }
}
