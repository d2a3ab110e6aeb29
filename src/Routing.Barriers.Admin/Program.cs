using System.CommandLine;
using Routing.Barriers.Admin;

// Routing.Barriers.Admin: barrier stores offline.
var source = new Argument<string>("sqlite-file") { Description = "The SQLite barrier store to copy (Barriers:Database; by default barriers.db beside the graph)" };
var target = new Option<string>("--to")
{
    Description = "Npgsql connection string of the empty PostgreSQL database the replicas will share (Barriers:ConnectionString)",
    Required = true,
};
var copy = new Command("copy-to-postgres",
    "Copy every report (ids, versions, validity windows, whole history) and every API key (as its hash) from a SQLite barrier store into an empty PostgreSQL one, all or nothing")
    { source, target };
copy.SetAction((result, cancellationToken) =>
    CopyToPostgresCommand.RunAsync(result.GetValue(source)!, result.GetValue(target)!, Console.Out, Console.Error, cancellationToken));

var root = new RootCommand("Administers barrier stores while the service is stopped") { copy };
return await root.Parse(args).InvokeAsync();
