using System.Globalization;
using Routing.Barriers;
using Routing.Barriers.Sqlite;
using Routing.Engine;
using Routing.Engine.Barriers;

// Usage: Routing.Barriers.CrashWriter DATABASE COUNT
// Creates COUNT reports one after another (or until killed), and after each is committed prints "ack ID N" and
// flushes: a line on stdout means the store acknowledged the report. Report N has the description "report N".
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
{
    await Console.Error.WriteLineAsync("usage: Routing.Barriers.CrashWriter DATABASE COUNT");
    return 2;
}

using var store = SqliteBarrierStore.Open(args[0]);
var service = new BarrierService(store, TimeProvider.System);
var planner = new Actor("key_crashwriter", ApiKeyRole.Planner);
var output = Console.Out;
await output.WriteLineAsync("ready");
await output.FlushAsync();
for (int n = 1; n <= count; n++)
{
    double lon = 8.69 + (n % 1000 * 1e-5);
    var draft = new BarrierDraft(ReportedBarrierKind.BlockedPath, new BarrierGeometry(BarrierGeometryType.Point, [new GeoPoint(49.41, lon)]),
        ValidityWindow.Always, $"report {n}", new MeasuredFacts(RemainingWidthCm: n % 1000));
    var report = await service.CreateAsync(draft, new BarrierPin([n], [], null, null), planner);
    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ack {report.Id} {n}"));
    await output.FlushAsync();
}
return 0;
