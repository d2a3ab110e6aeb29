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

    public void PhaseFinished(string summary)
    {
        string line = $"{_phase,-28} {_phaseClock.Elapsed.TotalSeconds,6:F2} s  {summary}";
        output.WriteLine(interactive ? $"\r  ✓ {line}" : line);
    }
}
