using System.Net;
using Routing.Api.Tests.Barriers;

namespace Routing.Api.Tests.Operations;

/// <summary>Liveness, readiness and the Prometheus metrics an operations team scrapes, through the host.</summary>
[Collection(FixtureApiCollection.Name)]
public sealed class OperationsTests(FixtureApi api)
{
    private const string KerbRefusal =
        """{"from": {"lat": 49.4125, "lon": 8.6910}, "to": {"lat": 49.4115, "lon": 8.6900}, "profile": "wheelchair", "constraints": {"max_kerb_cm": 3}}""";

    [Fact]
    public async Task Live_answers_and_ready_names_the_serving_graph()
    {
        var live = await (await api.Client.GetAsync("/health/live")).Json();
        Assert.Equal("healthy", live.GetProperty("status").GetString());

        // Anyone learns whether the service is ready; only operators learn what it serves from where.
        var bare = await (await api.Client.GetAsync("/health/ready")).Json();
        Assert.Equal("healthy", bare.GetProperty("status").GetString());
        Assert.False(bare.TryGetProperty("checks", out _));
        var ready = await (await api.Client.Send(HttpMethod.Get, "/health/ready", RoutingApiFactory.OperatorKey)).Json();
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var graph = ready.GetProperty("checks").GetProperty("graph");
        Assert.Equal("healthy", graph.GetProperty("status").GetString());
        Assert.Matches("^graph [0-9a-f]{16} \\([0-9]+ vertices\\)", graph.GetProperty("description").GetString());

        // The old endpoint stays: scripts and the tests poll it.
        await (await api.Client.GetAsync("/health")).Json();
    }

    [Fact]
    public async Task Metrics_count_routes_by_profile_and_outcome_refusals_by_constraint_requests_and_the_graph()
    {
        await (await api.Client.PostJson("/v1/routes", KerbRefusal)).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        await (await api.Client.GetAsync("/v1/routes?from=49.4125,8.6910&to=49.4115,8.6900&profile=foot&snap_radius_m=150")).Json();
        await (await api.Client.GetAsync("/v1/routes?from=91,8.6910&to=49.4115,8.6900")).Problem(HttpStatusCode.BadRequest, "invalid-request");

        await (await api.Client.GetAsync("/metrics")).Problem(HttpStatusCode.Unauthorized, "api-key-required");
        var response = await api.Client.Send(HttpMethod.Get, "/metrics", RoutingApiFactory.OperatorKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();

        Assert.Matches("routing_route_duration_seconds_bucket\\{[^}]*outcome=\"refused\"[^}]*profile=\"wheelchair\"", text);
        Assert.Matches("routing_route_duration_seconds_count\\{[^}]*outcome=\"found\"[^}]*profile=\"foot\"[^}]*\\} [1-9]", text);
        Assert.Matches("routing_route_duration_seconds_count\\{[^}]*outcome=\"bad_input\"[^}]*\\} [1-9]", text);
        Assert.Matches("routing_route_refusals_total\\{[^}]*constraint=\"kerb\"[^}]*\\} [1-9]", text);
        Assert.Matches("routing_graph_info\\{[^}]*checksum=\"[0-9a-f]{16}\"[^}]*vertices=\"[0-9]+\"[^}]*\\} 1", text);
        Assert.Matches("routing_graph_load_duration_seconds_count\\{[^}]*\\} [1-9]", text);
        Assert.Matches("http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"422\"[^}]*http_route=\"/v1/routes/\"", text);
    }
}
