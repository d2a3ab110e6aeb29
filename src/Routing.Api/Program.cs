using Routing.Analysis.Http;
using Routing.Api.Barriers;
using Routing.Api.Documentation;
using Routing.Api.Elevators;
using Routing.Api.Health;
using Routing.Api.GraphUpdates;
using Routing.Api.Hosting;
using Routing.Api.Operations;
using Routing.Api.Problems;
using Routing.Api.Quotas;
using Routing.Routes.Http;
using Routing.Barriers.Http;
using Routing.Ors;
using Routing.Transit.Http;
using Routing.Web;

// The accessible routing service: one graph shared read-only by every request, replaceable without a restart.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSettingsBesideProgram(AppContext.BaseDirectory); // production log levels from any working directory
builder.AddOperations();                                        // /health/live, /health/ready, /metrics; trace ids in logs; draining shutdown
builder.Services.AddApiJson();                                  // snake_case JSON, enums as snake_case strings
builder.Services.AddApiProblems();                              // problem+json for every error, stable type URIs
builder.Services.AddApiDocumentation();                         // OpenAPI document
builder.Services.AddRoutingGraph(builder.Configuration);        // Routing:Graph, Routing:Osm -> the serving graph (one snapshot per request), reloads
builder.Services.AddAnalysis();                                 // fix-first rankings running in the background
builder.Services.AddBarrierReports(builder.Configuration);      // Barriers:Provider (sqlite, postgres), :ApiKeys -> store, keys, overlay refresher, readiness
builder.Services.AddLiveElevators(builder.Configuration);       // Elevators:Feeds, :PollSeconds, :StaleAfterSeconds -> live elevator states in the overlay
builder.Services.AddWebApp(builder.Configuration,               // Map:StyleUrl, Map:TileUrl -> the app's base map (else drawn from
    sp => sp.GetRequiredService<DataPaths>().OsmPath);          //   Routing:Osm beside the graph); tile and place indexes
builder.Services.AddOrsDoor();                                  // directions with avoid polygons: half the cores at most
builder.Services.AddQuotas(builder.Configuration);              // Quotas:* -> rate limits per client and for expensive work; ForwardedHeaders:*
builder.Services.AddTransit(builder.Configuration,              // Transit:Gtfs (empty: the demo feed from the extract's route relations) -> timetable per graph;
    OperationsHosting.ReadyTag);                                //   Transit:TransfersAhead -> every preset's transfer walks before ready

var app = builder.Build();
app.StartMetrics();                                             // counts the graph's load before the service listens
if (!app.LoadRoutingGraph()                                     // builds the graph first if the file is missing
    || !await app.OpenBarrierStoreAsync())                      // creates or migrates the store, seeds the configured keys
{
    await app.DisposeAsync();                                   // flushes the log line that says why
    return 1;
}

app.UseConfiguredForwardedHeaders();                            // X-Forwarded-For only from ForwardedHeaders:KnownProxies/KnownNetworks
app.UseSecurityHeaders();                                       // CSP (no inline script in the app), frame-ancestors 'none', nosniff, Referrer-Policy
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBarrierAccess();                                         // X-Api-Key -> key and role
app.UseQuotas();                                                // 429 too-many-requests past a client's or the service's quota
app.MapApiDocumentation();                                      // /openapi/v1.json, /scalar/v1
app.MapWebApp();                                                // / (the map), /app/*, /v1/tiles/..., /v1/basemap/..., /v1/places
app.MapHealthEndpoints();                                       // /health
app.MapOperations();                                            // /health/live, /health/ready, /metrics
app.MapProfileEndpoints();                                      // /v1/profiles, /v1/profiles/{name}
app.MapRouteEndpoints();                                        // /v1/routes (GET and POST)
app.MapAnalysisEndpoints();                                     // /v1/isochrones, /v1/matrix
app.MapBarrierReports();                                        // /v1/barriers, /v1/barriers/{id}[/verify|resolve|reject], .geojson
app.MapLiveElevators();                                         // /v1/elevators, /v1/elevators/{id}/history|match, /v1/elevators/out-of-service
app.MapApiKeys();                                               // /v1/admin/api-keys
app.MapGraphUpdateEndpoints();                                  // /v1/admin/graph/reload
app.MapOrsEndpoints();                                          // /ors/v2/directions|isochrones|matrix/{profile}: openrouteservice clients
app.MapTripEndpoints();                                         // /v1/trips: step-free trips with public transport
await app.RunAsync();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in the API tests.</summary>
public partial class Program;
