using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Engine;
using Routing.Serving;

namespace Routing.Api.Tests.Barriers;

/// <summary>Start-up: the store file, configuration errors, restarts.</summary>
[Collection(BarrierFixtureApiCollection.Name)]
public sealed class BarrierHostingTests(BarrierFixtureApi api)
{
    [Fact]
    public void The_store_is_created_on_first_start_and_start_up_says_so()
    {
        Assert.True(File.Exists(api.Factory.DatabasePath));
        Assert.Contains(api.Factory.Logs.Entries, e => e.Message.Contains("Barrier store", StringComparison.Ordinal)
            && e.Message.Contains(api.Factory.DatabasePath, StringComparison.Ordinal) && e.Message.Contains($"schema v{Routing.Barriers.Sqlite.SqliteBarrierStore.LatestSchemaVersion}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_configured_path_the_store_lies_beside_the_graph()
    {
        using var factory = new RoutingApiFactory(api.GraphPath, api.OsmPath);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/barriers")).StatusCode);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(api.GraphPath)!, "barriers.db")));
    }

    [Fact]
    public async Task A_restart_keeps_every_report_and_its_effect()
    {
        var ids = new List<long>();
        using (var first = api.NewFactory("restart.db"))
        using (var client = first.CreateClient())
        {
            for (int i = 0; i < 5; i++)
            {
                ids.Add((await client.CreateReport(i % 2 == 0 ? BarrierApiFactory.PlannerKey : BarrierApiFactory.ReporterKey)).Id());
            }
            await client.Send(HttpMethod.Post, $"/v1/barriers/{ids[1]}/verify", BarrierApiFactory.PlannerKey);
        }

        using var second = api.NewFactory("restart.db");
        using var again = second.CreateClient();
        var list = await (await again.Send(HttpMethod.Get, "/v1/barriers", BarrierApiFactory.PlannerKey)).Json();

        Assert.Equal(ids, list.GetProperty("barriers").EnumerateArray().Select(b => b.Id()));
        Assert.Equal(["verified", "verified", "verified", "reported", "verified"], list.GetProperty("barriers").EnumerateArray().Select(b => b.GetProperty("status").GetString()));
        // The overlay is rebuilt before the restarted service answers.
        var overlay = second.Services.GetRequiredService<GraphHolder>().Current.Router.Overlay;
        Assert.Equal(4, overlay.Active.Count);
        Assert.Single(overlay.Unverified);
    }

    [Theory]
    [InlineData("Barriers:ApiKeys:0:Role", "superuser", "Barriers:ApiKeys:0:Role is 'superuser'")]
    [InlineData("Barriers:ApiKeys:0:Key", "short", "at least 16")]
    [InlineData("Barriers:ApiKeys:0:Key", "", "Barriers:ApiKeys:0:Key is empty")]
    public void A_bad_key_in_configuration_stops_start_up_with_a_clear_message(string setting, string value, string expected)
    {
        using var factory = api.NewFactory("bad-config.db", settings: new Dictionary<string, string?> { [setting] = value });

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var critical = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("Cannot start", critical.Message, StringComparison.Ordinal);
        Assert.Contains(expected, critical.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_is_not_a_database_stops_start_up_naming_the_file()
    {
        string path = api.Directory.File("not-a-database.db");
        File.WriteAllText(path, new string('x', 8192));
        using var factory = new BarrierApiFactory(api.GraphPath, api.OsmPath, path);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var critical = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains(path, critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", critical.Message, StringComparison.Ordinal);
    }
}
