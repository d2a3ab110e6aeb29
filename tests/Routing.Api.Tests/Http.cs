using System.Net;
using System.Text;
using System.Text.Json;

namespace Routing.Api.Tests;

/// <summary>Requests and the checks every answer of a kind must pass.</summary>
internal static class Http
{
    public const string ProblemBase = "https://routing.example/problems/";

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Checks status, problem+json content type and the stable type; returns the problem.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await response.Json(status, "application/problem+json");
        Assert.Equal(ProblemBase + type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        string text = problem.GetRawText();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The field names of an invalid-request problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    /// <summary>Distance in metres between two WGS 84 points (equirectangular; fine at city scale).</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        const double metresPerDegree = 111_195;
        double x = (lon2 - lon1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        double y = lat2 - lat1;
        return Math.Sqrt((x * x) + (y * y)) * metresPerDegree;
    }
}
