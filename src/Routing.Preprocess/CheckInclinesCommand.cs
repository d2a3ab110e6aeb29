using System.Globalization;
using Routing.Graph.Facts;
using Routing.Osm.Import;
using Routing.Terrain;

namespace Routing.Preprocess;

/// <summary>
/// <c>check-inclines INPUT -e FILE [--csv FILE]</c>: how well a terrain model agrees with the inclines mappers tagged in
/// the extract, before and after the slope model (fitted, then scored by spatial cross-validation). A city checks its model with it before trusting it.
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
        stdout.WriteLine("| length | edges | median error, steepest 30 m | median error, two cells | resolved (can block) |");
        stdout.WriteLine("|---|---|---|---|---|");
        foreach (var band in InclineAccuracy.ByLength(ground))
        {
            string length = double.IsPositiveInfinity(band.ToM) ? $"{band.FromM:0} m and more" : $"{band.FromM:0}-{band.ToM:0} m";
            stdout.WriteLine(Invariant($"| {length} | {band.Edges} | {band.MedianErrorSteepestPct:F1} pts | {band.MedianErrorResolvedPct:F1} pts | {band.ResolvedShare:P0} |"));
        }
        WriteCalibration(ground, stdout);
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

    /// <summary>The slope model fitted on every edge (what the build uses), then scored by spatial cross-validation.</summary>
    private static void WriteCalibration(List<TaggedIncline> ground, TextWriter stdout)
    {
        var start = SlopeModel.Fitted.Parameters;
        var all = SlopeCalibration.Fit(ground, start);
        stdout.WriteLine();
        stdout.WriteLine(Invariant($"Slope model fitted on all {ground.Count} edges (SlopeModel.Fitted should hold these): mean = {all.ResolvedWeight:F3} x two-cell reading + {all.SteepestWeight:F3} x 30 m reading; log spread = {all.LogSpread:F3} + {all.LogSpreadPerTenReliefPct:F3} x relief/10 + {all.LogSpreadShortEdge:F3} x min(1, cell/length) + {all.LogSpreadPerTenMeanPct:F3} x |mean|/10"));
        var heldOut = SlopeCalibration.CrossValidate(ground, SlopeCalibration.FoldCount, SlopeCalibration.BlockSizeM, start);
        stdout.WriteLine(Invariant($"Spatial cross-validation: the edges' {SlopeCalibration.BlockCount(ground, SlopeCalibration.BlockSizeM)} blocks of {SlopeCalibration.BlockSizeM:0} m dealt into {SlopeCalibration.FoldCount} folds of {string.Join(", ", heldOut.GroupBy(h => h.Fold).OrderBy(g => g.Key).Select(g => g.Count()))} edges; every figure below is from edges the model was not fitted on."));
        stdout.WriteLine();
        stdout.WriteLine($"Calibration: each edge both ways at limits {string.Join(", ", SlopeCalibration.LimitsPct)} %, by the predicted chance of climbing beyond the limit");
        stdout.WriteLine();
        stdout.WriteLine("| predicted chance | cases | mean predicted | observed share |");
        stdout.WriteLine("|---|---|---|---|");
        foreach (var bin in SlopeCalibration.Calibration(heldOut, SlopeCalibration.LimitsPct))
        {
            stdout.WriteLine(Invariant($"| {bin.FromChance:0.00}-{bin.ToChance:0.00} | {bin.Cases} | {bin.MeanChance:P0} | {bin.ObservedShare:P0} |"));
        }
        stdout.WriteLine();
        stdout.WriteLine(Invariant($"Warnings (chance at least {SlopeChance.Material:P0}) and blocks (resolved, at least {SlopeChance.VeryLikely:P0}) against the tags; 'before' is the old flag, the 30 m reading beyond the limit:"));
        stdout.WriteLine();
        stdout.WriteLine("| limit | cases / steep | warnings: precision | recall | tagged 0-3 % warned | blocks: precision | recall | before: precision | recall | tagged 0-3 % flagged |");
        stdout.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (double limit in SlopeCalibration.LimitsPct)
        {
            var a = SlopeCalibration.AtLimit(heldOut, limit);
            stdout.WriteLine(Invariant($"| {limit:0} % | {a.Cases} / {a.Steep} | {a.WarnPrecision:P0} | {a.WarnRecall:P0} | {a.LevelWarnedShare:P0} | {a.BlockPrecision:P0} | {a.BlockRecall:P0} | {a.BeforePrecision:P0} | {a.BeforeRecall:P0} | {a.LevelWarnedBefore:P0} |"));
        }
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
        writer.WriteLine("osm_way_id,lat,lon,tagged_pct,length_m,cell_size_m,average_pct,steepest_pct,resolved_pct,relief_pct,on_structure,confidence,mean_pct,spread_pct");
        foreach (var c in comparisons)
        {
            var r = c.Reading;
            var estimate = SlopeModel.Fitted.Estimate(r, c.OnStructure);
            writer.WriteLine(Invariant(
                $"{c.OsmWayId},{c.LatDeg:F6},{c.LonDeg:F6},{c.TaggedPct},{r.LengthM:F1},{r.CellSizeM:F1},{r.AveragePct:F2},{r.SteepestPct:F2},{r.ResolvedPct:F2},{r.ReliefPct:F2},{c.OnStructure},{estimate.Confidence},{estimate.MeanPct:F0},{estimate.SpreadPct:F0}"));
        }
    }
}
