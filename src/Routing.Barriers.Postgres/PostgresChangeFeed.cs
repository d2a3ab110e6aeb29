using System.Globalization;
using Npgsql;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Postgres;

/// <summary>
/// What other replicas wrote, as soon as they commit: one dedicated connection (outside the pool, with TCP
/// keepalive) LISTENs on <see cref="PostgresMigrations.Channel"/>. Each notification carries the change counter
/// after its write. When no notification comes for the poll interval, the same connection reads the counter:
/// a notification that was lost (or sent while this replica was reconnecting) shows as a moved counter, so the
/// overlay heals by itself. A broken connection is reopened with a short back-off, and the store is marked lost
/// until it is.
/// </summary>
public sealed class PostgresChangeFeed(PostgresBarrierStore store, TimeSpan pollInterval) : IBarrierChangeFeed
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    public async Task RunAsync(Action<BarrierChangeSignal> changed, BarrierStoreHealth health, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            Timeout = 5,
            ApplicationName = "routing-barrier-changes",
        };
        long? seen = null;
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out long counter) && (seen is null || counter > seen))
                    {
                        seen = counter;
                        changed(BarrierChangeSignal.Notification);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresMigrations.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                // Listening from here on; whatever was written while this replica was not listening is caught up at once.
                seen = await PostgresBarrierStore.ReadChangeCounterAsync(connection, cancellationToken);
                health.MarkReachable();
                changed(BarrierChangeSignal.Connected);
                retry = FirstRetry;
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (await connection.WaitAsync(pollInterval, cancellationToken))
                    {
                        continue;
                    }
                    long counter = await PostgresBarrierStore.ReadChangeCounterAsync(connection, cancellationToken);
                    if (counter != seen)
                    {
                        seen = counter;
                        changed(BarrierChangeSignal.Poll);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever broke the connection (a lost server, a network failure, a server that refuses us), the
                // feed must not end: that would stop the service. It says why, waits a little and connects again.
                health.MarkUnreachable($"The barrier store {store.Description} cannot be reached: {ex.Message.TrimEnd('.')}.");
                await Task.Delay(retry, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }
        }
    }
}
