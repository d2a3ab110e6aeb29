using System.Net;

namespace Routing.Replicas.Tests;

/// <summary>
/// Replicas started at the same moment on one new PostgreSQL database all come up: they create the schema under an
/// advisory lock and seed the same configured key at once, which used to stop one of them with 23505 (duplicate key
/// on <c>api_keys_key_sha256_key</c>). Ten rounds of three, each on a database of its own.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class StartTogetherTests(ReplicaCluster cluster)
{
    private const int Rounds = 10;
    private const int ReplicasPerRound = 3;

    [Fact]
    public async Task Three_replicas_started_at_once_on_a_new_database_are_all_ready_ten_times_in_a_row()
    {
        // The graph file is built by the first replica that finds it missing; build it before the race, which is about the database.
        cluster.NewDatabase();
        using (await ApiReplica.StartAsync(cluster, "graph"))
        {
        }

        for (int round = 0; round < Rounds; round++)
        {
            cluster.NewDatabase();
            var starting = Enumerable.Range(0, ReplicasPerRound).Select(i => ApiReplica.StartAsync(cluster, $"round {round} replica {i}")).ToList();
            try
            {
                foreach (var replica in await Task.WhenAll(starting))
                {
                    using var ready = await replica.Client.GetAsync("/health/ready");
                    Assert.True(ready.StatusCode == HttpStatusCode.OK, $"round {round}: /health/ready {(int)ready.StatusCode}\n{replica.Output}");
                    using var read = new HttpRequestMessage(HttpMethod.Get, "/v1/barriers");
                    read.Headers.Add("X-Api-Key", ApiReplica.PlannerKey);
                    using var withKey = await replica.Client.SendAsync(read);
                    // The seeded key is known on every replica (an unknown key is 401 here).
                    Assert.True(withKey.StatusCode == HttpStatusCode.OK, $"round {round}: {(int)withKey.StatusCode}\n{replica.Output}");
                }
            }
            finally
            {
                foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
                {
                    (await start).Dispose();
                }
            }
        }
    }
}
