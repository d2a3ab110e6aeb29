using System.Diagnostics;

namespace Routing.Preprocess.Tests;

/// <summary>Runs the built Routing.Preprocess program as a user would, in its own process.</summary>
internal sealed record PreprocessRun(int ExitCode, string Stdout, string Stderr)
{
    private static readonly string ProgramDll = Path.Combine(AppContext.BaseDirectory, "Routing.Preprocess.dll");

    public static PreprocessRun Of(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProgramDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Routing.Preprocess {string.Join(' ', arguments)} did not finish");
        }
        return new PreprocessRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
