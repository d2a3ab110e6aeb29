using System.Net;
using System.Text.Json;
using Routing.Api.Tests.Barriers;
using Routing.Build;
using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Api.Tests.GraphUpdates;

/// <summary>
/// Hot graph swaps through the host: under a loop of route requests, the graph file is replaced by another graph, by
/// the first again, by a broken file and by the other graph once more. Not one request may fail, the broken file is
/// refused while the old graph keeps serving, and afterwards routes come from the new graph.
/// </summary>
public sealed class GraphSwapTests
{
    /// <summary>Both ends lie on the hand-written fixture (whose ways have ids below 1,000) and inside Heidelberg.</summary>
    private const string FixtureRoute = "/v1/routes?from=49.4125,8.6910&to=49.4115,8.6900&profile=foot&snap_radius_m=150";

    private const string Reload = "/v1/admin/graph/reload";

    [Fact]
    public async Task Swaps_under_load_fail_no_request_refuse_a_broken_file_and_serve_the_new_graph()
    {
        using var directory = new TempDirectory();
        string heidelbergFile = directory.File("heidelberg.candidate"), fixtureFile = directory.File("fixture.candidate");
        GraphFileWriter.Write(Heidelberg.Graph, heidelbergFile);
        GraphFileWriter.Write(GraphBuild.Run(RepositoryPaths.Fixture("accessibility.osm"), []), fixtureFile);
        string graphPath = directory.File("serving.graph");
        File.Copy(heidelbergFile, graphPath);

        using var factory = new BarrierApiFactory(graphPath, RepositoryPaths.HeidelbergExtract, directory.File("barriers.db"),
            settings: new Dictionary<string, string?> { ["GraphUpdates:WatchFile"] = "false" });
        using var client = factory.CreateClient();
        Assert.Equal("heidelberg", await AnsweringGraph(client));

        using var stop = new CancellationTokenSource();
        var answered = new AnswerCount();
        var loops = Enumerable.Range(0, 3).Select(_ => Task.Run(() => RouteLoop(client, answered, stop.Token))).ToArray();
        // Between swaps, routes run: the next step waits until the loops have had a few more answers, however slow the machine.
        Task RoutesRan() => answered.WaitForMoreAsync(6);
        try
        {
            await RoutesRan();
            await Publish(fixtureFile, graphPath);
            await AssertSwapped(await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.AdminKey));
            await RoutesRan();
            await Publish(heidelbergFile, graphPath);
            await AssertSwapped(await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.AdminKey));

            // Half a graph file: the reader refuses it, the answer says why, and Heidelberg keeps serving.
            byte[] whole = await File.ReadAllBytesAsync(fixtureFile);
            await File.WriteAllBytesAsync(graphPath, whole[..(whole.Length / 2)]);
            var refused = await (await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.AdminKey))
                .Problem(HttpStatusCode.UnprocessableEntity, "graph-rejected");
            Assert.Contains(graphPath, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("heidelberg", await AnsweringGraph(client));

            await RoutesRan();
            await Publish(fixtureFile, graphPath);
            await AssertSwapped(await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.AdminKey));
            await RoutesRan();
        }
        finally
        {
            await stop.CancelAsync();
        }
        var counts = await Task.WhenAll(loops);

        Assert.Equal(0, counts.Sum(c => c.Failed));
        Assert.True(counts.Sum(c => c.Answered) > 20, $"only {counts.Sum(c => c.Answered)} requests ran during the swaps");
        Assert.Equal("fixture", await AnsweringGraph(client));
        var health = await (await client.GetAsync("/health")).Json();
        Assert.Equal(GraphFileReader.Read(fixtureFile).VertexCount, health.GetProperty("graph").GetProperty("nodes").GetInt32());
    }

    [Fact]
    public async Task A_file_that_holds_the_serving_graph_is_unchanged_and_the_endpoint_needs_an_admin_key()
    {
        using var directory = new TempDirectory();
        string graphPath = directory.File("serving.graph");
        GraphFileWriter.Write(GraphBuild.Run(RepositoryPaths.Fixture("accessibility.osm"), []), graphPath);
        using var factory = new BarrierApiFactory(graphPath, RepositoryPaths.Fixture("accessibility.osm"), directory.File("barriers.db"),
            settings: new Dictionary<string, string?> { ["GraphUpdates:WatchFile"] = "false" });
        using var client = factory.CreateClient();

        await (await client.Send(HttpMethod.Post, Reload, null)).Problem(HttpStatusCode.Unauthorized, "api-key-required");
        await (await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.PlannerKey)).Problem(HttpStatusCode.Forbidden, "forbidden");
        var unchanged = await (await client.Send(HttpMethod.Post, Reload, BarrierApiFactory.AdminKey)).Json();
        Assert.Equal("unchanged", unchanged.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_changed_file_is_swapped_in_by_itself_after_the_quiet_period()
    {
        using var directory = new TempDirectory();
        string graphPath = directory.File("serving.graph"), candidate = directory.File("next.candidate");
        var fixture = GraphBuild.Run(RepositoryPaths.Fixture("accessibility.osm"), []);
        GraphFileWriter.Write(fixture, graphPath);
        // The same graph built at another time: another file, another checksum.
        GraphFileWriter.Write(fixture.WithMetadata(fixture.Metadata with { BuiltAtUtc = fixture.Metadata.BuiltAtUtc.AddDays(1) }), candidate);
        using var factory = new BarrierApiFactory(graphPath, RepositoryPaths.Fixture("accessibility.osm"), directory.File("barriers.db"),
            settings: new Dictionary<string, string?> { ["GraphUpdates:DebounceMs"] = "200" });
        using var client = factory.CreateClient();
        string before = await ServingChecksum(client);

        await Publish(candidate, graphPath);
        string after = before;
        for (int attempt = 0; attempt < 100 && after == before; attempt++)
        {
            await Task.Delay(100);
            after = await ServingChecksum(client);
        }
        Assert.NotEqual(before, after);
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("swapped in", StringComparison.Ordinal) && e.Message.Contains("on file", StringComparison.Ordinal));
    }

    /// <summary>Routes until stopped; a failure is a 5xx or no answer at all. 200, 422 are answers of one graph or the other.</summary>
    /// <summary>Answers counted across the route loops; a waiter learns when a number more have come.</summary>
    private sealed class AnswerCount
    {
        private int _count;

        public void Add() => Interlocked.Increment(ref _count);

        public async Task WaitForMoreAsync(int more)
        {
            int target = Volatile.Read(ref _count) + more;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (Volatile.Read(ref _count) < target)
            {
                await Task.Delay(10, timeout.Token);
            }
        }
    }

    private static async Task<(int Answered, int Failed)> RouteLoop(HttpClient client, AnswerCount count, CancellationToken stop)
    {
        int answered = 0, failed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(FixtureRoute, CancellationToken.None);
                await response.Content.ReadAsStringAsync(CancellationToken.None);
                if ((int)response.StatusCode >= 500 || response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity))
                {
                    failed++;
                }
                answered++;
                count.Add();
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }
        return (answered, failed);
    }

    /// <summary>Which graph routes: the fixture's ways have ids below 1,000, Heidelberg's are real OSM ids.</summary>
    private static async Task<string> AnsweringGraph(HttpClient client)
    {
        var route = (await (await client.GetAsync(FixtureRoute)).Json()).GetProperty("routes")[0];
        var ids = route.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("osm_way_id").GetInt64()).ToList();
        Assert.NotEmpty(ids);
        return ids.All(id => id < 1000) ? "fixture" : ids.All(id => id >= 1000) ? "heidelberg" : "mixed";
    }

    private static async Task<string> ServingChecksum(HttpClient client)
    {
        var ready = await (await client.Send(HttpMethod.Get, "/health/ready", RoutingApiFactory.OperatorKey)).Json();
        return ready.GetProperty("checks").GetProperty("graph").GetProperty("description").GetString()!;
    }

    private static async Task AssertSwapped(HttpResponseMessage response)
    {
        var body = await response.Json();
        Assert.Equal("swapped", body.GetProperty("result").GetString());
        Assert.NotEqual(body.GetProperty("graph").GetProperty("checksum").GetString(), body.GetProperty("previous").GetProperty("checksum").GetString());
    }

    /// <summary>How a graph should be published: written beside the serving file, then renamed over it in one step.</summary>
    private static async Task Publish(string source, string graphPath)
    {
        string next = graphPath + ".next";
        await using (var from = File.OpenRead(source))
        await using (var to = File.Create(next))
        {
            await from.CopyToAsync(to);
        }
        File.Move(next, graphPath, overwrite: true);
    }
}
