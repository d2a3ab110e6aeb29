using System.Globalization;
using Routing.Analysis;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Preprocess;

/// <summary>
/// <c>fix-first GRAPH [--profile NAME] [--minutes N] [--csv FILE]</c>: which step, kerb, barrier or measured slope to
/// fix first, from every public-transport stop of the graph; progress on stderr, the ranking as CSV.
/// </summary>
internal static class FixFirstCommand
{
    public static int Run(string graphPath, string profileName, double minutes, string? csvPath, TextWriter stdout, TextWriter stderr)
    {
        if (!ProfileCatalog.Default.TryGet(profileName, out var profile))
        {
            stderr.WriteLine($"error: '{profileName}' is not a profile; use one of {string.Join(", ", ProfileCatalog.Default.Presets.Select(p => p.Name))}");
            return ExitCodes.BadInput;
        }
        if (!double.IsFinite(minutes) || minutes < 1 || minutes > 60)
        {
            stderr.WriteLine($"error: --minutes must be between 1 and 60, was {minutes.ToString(CultureInfo.InvariantCulture)}");
            return ExitCodes.BadInput;
        }
        if (!GraphFiles.TryRead(graphPath, stderr, out var graph))
        {
            return ExitCodes.BadInput;
        }
        // The ranking searches one-to-many; a hierarchy for point-to-point routes would only cost start-up time.
        var router = new Router(graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var stops = FixFirst.TransportStops(graph);
        var progress = new TenthsOnStderr(stderr);
        var ranking = FixFirst.Rank(router, stops, profile, minutes, progress);
        string csv = FixFirst.Csv(ranking);
        if (csvPath is null)
        {
            stdout.Write(csv);
        }
        else
        {
            try
            {
                string temporary = csvPath + ".tmp";
                File.WriteAllText(temporary, csv);
                File.Move(temporary, csvPath, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write {csvPath}: {ex.Message} Choose a writable path.");
                return ExitCodes.BadInput;
            }
        }
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ranking.Origins} stops, {ranking.CandidatesChecked} candidates, {ranking.Fixes.Count} fixes that open something"));
        return ExitCodes.Ok;
    }

    /// <summary>Progress as one line per tenth done, written at once on the ranking's own thread.</summary>
    private sealed class TenthsOnStderr(TextWriter stderr) : IProgress<double>
    {
        private int _tenthsShown = -1;

        public void Report(double value)
        {
            int tenths = (int)(value * 10);
            if (tenths > _tenthsShown)
            {
                _tenthsShown = tenths;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fix-first {tenths * 10} %"));
            }
        }
    }
}
