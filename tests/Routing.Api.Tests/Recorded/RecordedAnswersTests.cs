// Recorded answers: every request in Recorded/requests.json is replayed, in file order, through the real host on the
// Heidelberg graph, and its status, content type and body must equal Recorded/answers/<name>.txt byte for byte,
// after one normalisation (RecordedAnswer.Normalise) masks what legitimately changes from run to run: trace ids, the
// ORS timestamp, ISO 8601 instants (the graph's build time, a barrier report's times) and API key ids (drawn at start).
//
// This guards refactorings that must not change behaviour. When a change of answers is intended, and only then,
// record them again and review the diff of Recorded/answers before committing it:
//
//   RECORD_ANSWERS=1 dotnet test tests/Routing.Api.Tests -c Release --filter FullyQualifiedName~RecordedAnswersTests
//
// Recording writes every answer file anew and deletes answer files no request names any more.

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Routing.TestSupport;

namespace Routing.Api.Tests.Recorded;

/// <summary>The recorded requests replayed against a host of their own, so no other test's barrier reports move a route.</summary>
public sealed class RecordedAnswersTests(HeidelbergApi api) : IClassFixture<HeidelbergApi>
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Routing.Api.Tests", "Recorded");
    private static readonly string AnswerFolder = Path.Combine(Folder, "answers");

    [Fact]
    public async Task Every_recorded_request_gets_its_recorded_answer_byte_for_byte()
    {
        var requests = RecordedRequest.ReadAll(Path.Combine(Folder, "requests.json"));
        bool record = Environment.GetEnvironmentVariable("RECORD_ANSWERS") == "1";
        var mismatches = new List<string>();
        foreach (var request in requests)
        {
            string actual = await RecordedAnswer.Take(api.Client, request);
            string path = Path.Combine(AnswerFolder, request.Name + ".txt");
            if (record)
            {
                Directory.CreateDirectory(AnswerFolder);
                await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(actual));
                continue;
            }
            if (!File.Exists(path))
            {
                mismatches.Add($"{request}: no recorded answer {path} (record with RECORD_ANSWERS=1)");
                continue;
            }
            string expected = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path));
            if (RecordedAnswer.Difference(expected, actual) is { } difference)
            {
                mismatches.Add($"{request}\n{difference}");
            }
        }
        var names = requests.Select(r => r.Name + ".txt").ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(AnswerFolder, "*.txt").Where(f => !names.Contains(Path.GetFileName(f))))
        {
            if (record)
            {
                File.Delete(file);
            }
            else
            {
                mismatches.Add($"{file}: an answer no request in requests.json names");
            }
        }

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {requests.Count} recorded answers differ (re-record only for an intended change: RECORD_ANSWERS=1):\n\n" +
            string.Join("\n\n", mismatches));
    }
}

/// <summary>
/// One recorded request. The body is <c>json</c> (sent as written in the file) or <c>text</c> (sent as is, for
/// malformed bodies), padded with spaces to <c>pad_to_bytes</c> when given (for the body-size limits).
/// </summary>
internal sealed record RecordedRequest(string Name, string Method, string Path, string? ContentType, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public static IReadOnlyList<RecordedRequest> ReadAll(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var requests = new List<RecordedRequest>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            string? body = entry.TryGetProperty("json", out var json) ? json.GetRawText()
                : entry.TryGetProperty("text", out var text) ? text.GetString() : null;
            if (entry.TryGetProperty("pad_to_bytes", out var pad))
            {
                body = (body ?? "").PadRight(pad.GetInt32());
            }
            var headers = entry.TryGetProperty("headers", out var h)
                ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            requests.Add(new RecordedRequest(
                entry.GetProperty("name").GetString()!,
                entry.TryGetProperty("method", out var method) ? method.GetString()! : body is null ? "GET" : "POST",
                entry.GetProperty("path").GetString()!,
                entry.TryGetProperty("content_type", out var type) ? type.GetString() : body is null ? null : "application/json",
                body,
                headers));
        }
        var twice = requests.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Assert.True(twice is null, $"request name {twice?.Key} is used twice in {file}");
        return requests;
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public override string ToString()
    {
        string body = Body is null ? "" : Body.Length > 300 ? $" {Body[..300].TrimEnd()}... ({Body.Length} chars)" : " " + Body;
        return $"[{Name}] {Method} {Path}{(ContentType is null ? "" : $" ({ContentType})")}{body}";
    }
}

/// <summary>An answer as recorded: <c>HTTP status content-type</c>, an empty line, the body, normalised.</summary>
internal static partial class RecordedAnswer
{
    public static async Task<string> Take(HttpClient client, RecordedRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        string body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        return Normalise($"HTTP {(int)response.StatusCode} {response.Content.Headers.ContentType}\n\n{body}");
    }

    /// <summary>
    /// The one normalisation: what differs between two runs of the same request on the same graph, and nothing else.
    /// A trace id is per request; ORS's <c>timestamp</c> is the answer's time; an ISO 8601 instant is the graph's build
    /// time (ORS <c>build_date</c>) or a barrier report's creation and change times; a key id is drawn when the host
    /// seeds its configured keys.
    /// </summary>
    public static string Normalise(string answer)
    {
        answer = TraceId().Replace(answer, "$1\"<trace id>\"");
        answer = OrsTimestamp().Replace(answer, "$1<timestamp>");
        answer = KeyId().Replace(answer, "$1\"<key id>\"");
        return IsoInstant().Replace(answer, "<instant>");
    }

    /// <summary>Where the two answers first differ, as line, column and the text around it of each; null when equal.</summary>
    public static string? Difference(string expected, string actual)
    {
        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }
        if (at == expected.Length && at == actual.Length)
        {
            return null;
        }
        int line = 1 + expected.AsSpan(0, at).Count('\n');
        int column = at - (expected.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return $"  first difference at character {at} (line {line}, column {column}); lengths {expected.Length} recorded, {actual.Length} now\n" +
            $"  recorded: {Around(expected, at)}\n" +
            $"  now:      {Around(actual, at)}";
    }

    private static string Around(string text, int at)
    {
        int from = Math.Max(0, at - 60);
        int to = Math.Min(text.Length, at + 60);
        return (from > 0 ? "..." : "") + text[from..at].ReplaceLineEndings("\\n") + "»" + text[at..to].ReplaceLineEndings("\\n") + (to < text.Length ? "..." : "");
    }

    [GeneratedRegex("(\"(?:trace_id|traceId)\"\\s*:\\s*)\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("(\"timestamp\"\\s*:\\s*)\\d+")]
    private static partial Regex OrsTimestamp();

    [GeneratedRegex("(\"key_id\"\\s*:\\s*)\"[^\"]*\"")]
    private static partial Regex KeyId();

    [GeneratedRegex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)")]
    private static partial Regex IsoInstant();
}
