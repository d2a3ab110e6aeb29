using System.Globalization;
using System.Net;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Web.Tests;

/// <summary>
/// The table of what people type (SearchQueries.tsv beside this file) through <c>GET /v1/places</c> on the bundled
/// extract: each row's first result must be the place a person expects, with its kind and district.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class PlaceSearchTableTests(WebHost host)
{
    public static TheoryData<string, string, string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string, string, string>();
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Routing.Web.Tests", "SearchQueries.tsv")))
        {
            string[] fields = line.Split('\t');
            if (line.StartsWith('#') || fields[0] == "query")
            {
                continue;
            }
            rows.Add(fields[0], fields[1], fields[2], fields[3], fields[4]);
        }
        return rows;
    }

    [Fact]
    public void The_table_holds_at_least_30_queries() => Assert.True(Rows().Count >= 30, $"{Rows().Count} rows");

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_first_result_is_what_a_person_expects(string query, string near, string name, string kind, string district)
    {
        var first = (await SearchAsync(query, near, 5)).First();

        var properties = first.GetProperty("properties");
        Assert.Equal((name, kind), (properties.GetProperty("name").GetString(), properties.GetProperty("kind").GetString()));
        if (district.Length > 0)
        {
            Assert.Equal(district, properties.GetProperty("district").GetString());
        }
    }

    [Theory]
    [InlineData("Bismarckplatz")]
    [InlineData("Hauptbahnhof")]
    [InlineData("Marktplatz")]
    public async Task A_stop_or_square_is_one_row_however_many_ways_and_platforms_map_it(string query)
    {
        var results = await SearchAsync(query, "49.4115,8.7060", 20);

        var rows = results.Select(f => (f.GetProperty("properties").GetProperty("name").GetString(), f.GetProperty("properties").GetProperty("kind").GetString(),
            f.GetProperty("properties").GetProperty("district").GetString())).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    private async Task<List<JsonElement>> SearchAsync(string query, string near, int limit)
    {
        var response = await host.Client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/v1/places?q={Uri.EscapeDataString(query)}&near={near}&limit={limit}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. answer.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone())];
    }
}
