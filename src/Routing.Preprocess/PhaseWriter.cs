using System.Diagnostics;
using Routing.Osm.Import;

namespace Routing.Preprocess;

/// <summary>
/// Shows the build phase by phase: on a terminal the running phase stays on one line and is replaced by its result;
/// when the output is redirected (logs, CI) every phase ends in one plain line.
/// </summary>
internal sealed class PhaseWriter(TextWriter output, bool interactive) : IImportObserver
{
    private readonly Stopwatch _phaseClock = new();
    private string _phase = "";

    public void PhaseStarted(string phase)
    {
        _phase = phase;
        _phaseClock.Restart();
        if (interactive)
        {
            output.Write($"  … {phase}");
            output.Flush();
        }
    }

    public void PhaseFinished(string summary) => WriteDone(_phase, _phaseClock.Elapsed, summary);

    /// <summary>Marked "beside": its time overlapped the phases above it, so the phase times add up to more than the build's.</summary>
    public void PhaseRanBeside(string phase, TimeSpan elapsed, string summary) => WriteDone(phase, elapsed, $"beside the above: {summary}");

    private void WriteDone(string phase, TimeSpan elapsed, string summary)
    {
        string line = $"{phase,-28} {elapsed.TotalSeconds,6:F2} s  {summary}";
        output.WriteLine(interactive ? $"\r  ✓ {line}" : line);
    }
}
