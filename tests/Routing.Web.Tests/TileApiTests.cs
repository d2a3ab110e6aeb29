using System.Net;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Web.Tests;

[Collection(WebHostCollection.Name)]
public sealed class TileApiTests(WebHost host)
{
    /// <summary>Zoom 14 over Heidelberg's old town and Bismarckplatz.</summary>
    private const string OldTown = "14/8587/5597";

    private async Task<VectorTile> TileAsync(string zxy, string query = "profile=wheelchair")
    {
        var response = await host.Client.GetAsync($"/v1/tiles/{zxy}.mvt?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        int[] parts = [.. zxy.Split('/').Select(int.Parse)];
        using var stream = await response.Content.ReadAsStreamAsync();
        return new MapboxTileReader().Read(stream, new VtTile(parts[1], parts[2], parts[0]));
    }

    [Fact]
    public async Task Debug_stats()
    {
        var tile = await TileAsync(OldTown);
        var ways = tile.Layers.Single(l => l.Name == "ways");
        var lines = ways.Features.GroupBy(f => (string)f.Attributes["judgement"]).Select(g => $"{g.Key}: {g.Count()}").ToList();
        foreach (var f in ways.Features.Where(f => (string)f.Attributes["judgement"] == "blocked").Take(15))
        {
            lines.Add(string.Join(" ", f.Attributes.GetNames().Select(n => $"{n}={f.Attributes[n]}")));
        }
        File.WriteAllLines("/tmp/tilestats.txt", lines);
    }
}
