using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Ors.Tests;

/// <summary>
/// openrouteservice-js 0.4.1 from npm, unmodified, drives the service over a real socket. <c>.ci/run</c> installs it;
/// without it (or without node) this test fails and says how to install it: a client check that silently skipped would
/// prove nothing.
/// </summary>
[Collection(OrsHostCollection.Name)]
public sealed class OrsClientTests(OrsHost host)
{
    private static readonly string ClientDirectory = Path.Combine(RepositoryPaths.Root, "tests", "Routing.Ors.Tests", "OrsClient");
    private const string InstallCommand = "npm install --prefix tests/Routing.Ors.Tests/OrsClient (needs node and npm: apt-get install nodejs npm)";

    [Fact]
    public async Task Openrouteservice_js_from_npm_gets_a_wheelchair_route_and_ORS_errors()
    {
        Assert.True(File.Exists(Path.Combine(ClientDirectory, "node_modules", "openrouteservice-js", "package.json")),
            $"openrouteservice-js is not installed: run {InstallCommand}");
        var start = new ProcessStartInfo("node", ["directions.mjs", new Uri(host.BaseAddress, "ors").ToString()])
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"node is not on PATH ({ex.Message}): install it, then run {InstallCommand}");
            return;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"the client failed: {await errors}");

            using var result = JsonDocument.Parse(await output);
            var route = result.RootElement.GetProperty("route").GetProperty("routes")[0];
            Assert.InRange(route.GetProperty("summary").GetProperty("distance").GetDouble(), 1000, 4000);
            Assert.NotEmpty(Polyline.Decode(route.GetProperty("geometry").GetString()!, withElevation: false));
            Assert.Contains(route.GetProperty("segments")[0].GetProperty("steps").EnumerateArray(),
                s => s.GetProperty("instruction").GetString()!.StartsWith("Starten Sie", StringComparison.Ordinal));
            Assert.DoesNotContain(route.GetProperty("extras").GetProperty("waytypes").GetProperty("values").EnumerateArray(), v => v[2].GetInt32() == 8);
            Assert.Equal("wheelchair", result.RootElement.GetProperty("route").GetProperty("metadata").GetProperty("query").GetProperty("profile").GetString());

            var error = result.RootElement.GetProperty("error");
            Assert.Equal((int)HttpStatusCode.BadRequest, error.GetProperty("status").GetInt32());
            Assert.Equal(2003, Ors.ErrorCode(error.GetProperty("body")));
        }
    }
}
