using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Routing.Api.Hosting;
using Routing.Api.Problems;
using Routing.Barriers;
using Routing.Barriers.Sqlite;

namespace Routing.Api.Barriers;

/// <summary>
/// Registers the barrier store (SQLite), the report and key services, API-key access, the rate limit on report
/// creation and the overlay refresher; opens the store and seeds the configured keys before the service listens.
/// </summary>
internal static partial class BarrierHosting
{
    public const string CreateReportsRateLimit = "barrier-reports";

    public static IServiceCollection AddBarrierReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BarrierOptions>(configuration.GetSection(BarrierOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BarrierStorePath(ResolveDatabasePath(
            sp.GetRequiredService<IOptions<BarrierOptions>>().Value,
            sp.GetRequiredService<DataPaths>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton(sp => OpenStore(sp.GetRequiredService<BarrierStorePath>().Path));
        services.AddSingleton<IBarrierStore>(sp => sp.GetRequiredService<SqliteBarrierStore>());
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<SqliteBarrierStore>());
        services.AddSingleton(sp => new BarrierService(sp.GetRequiredService<IBarrierStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ApiKeyService(sp.GetRequiredService<IApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConfiguredApiKeys(ReadApiKeys(configuration.GetSection(BarrierOptions.Section + ":ApiKeys"))));
        services.AddSingleton<BarrierOverlayRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<BarrierOverlayRefresher>());

        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, ValidKeyIfPresentHandler>();

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(CreateReportsRateLimit, context =>
            {
                int perMinute = context.RequestServices.GetRequiredService<IOptions<BarrierOptions>>().Value.ReportsPerMinute;
                string partition = ApiKeyAuthentication.ActorOf(context.User)?.KeyId ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                int perMinute = http.RequestServices.GetRequiredService<IOptions<BarrierOptions>>().Value.ReportsPerMinute;
                int? retryAfterS = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : null;
                if (retryAfterS is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problem = ApiProblems.Create(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests, "Too many reports",
                    $"This API key may create {perMinute} reports per minute; try again {(retryAfterS is { } s ? $"in {s} s" : "later")}.");
                problem.Extensions["limit_per_minute"] = perMinute;
                problem.Extensions["retry_after_s"] = retryAfterS;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
        return services;
    }

    /// <summary>API-key authentication and role checks, then the rate limits (which partition by key).</summary>
    public static WebApplication UseBarrierAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Opens (creates, migrates) the barrier store and seeds the configured API keys before the service listens. On
    /// failure logs one critical line that says what is wrong and what to do, and returns false.
    /// </summary>
    public static async Task<bool> OpenBarrierStoreAsync(this WebApplication app)
    {
        try
        {
            var store = app.Services.GetRequiredService<SqliteBarrierStore>();
            var configured = app.Services.GetRequiredService<ConfiguredApiKeys>();
            var seeded = await app.Services.GetRequiredService<ApiKeyService>().SeedAsync(configured.Keys);
            var keys = await store.ListKeysAsync();
            string migrated = store.AppliedMigrations.Count == 0 ? "" : $" (migrated: {string.Join(", ", store.AppliedMigrations.Select(v => "v" + v))})";
            int activeKeys = keys.Count(k => k.IsActive);
            LogOpened(app.Logger, store.Path, store.SchemaVersion, migrated, activeKeys, configured.Keys.Count);
            foreach (string keyId in seeded.StillRevoked)
            {
                LogSeededKeyRevoked(app.Logger, keyId);
            }
            foreach (string keyId in seeded.NoLongerConfigured)
            {
                LogSeededKeyDropped(app.Logger, keyId);
            }
            return true;
        }
        catch (BarrierStartupException ex)
        {
            LogCannotStart(app.Logger, ex.Message);
            return false;
        }
    }

    internal static string ResolveDatabasePath(BarrierOptions options, DataPaths paths, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            return Path.Combine(Path.GetDirectoryName(paths.GraphPath) ?? contentRoot, "barriers.db");
        }
        string? repositoryRoot = DataPaths.FindRepositoryRoot(contentRoot) ?? DataPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        return DataPaths.ResolvePath(options.Database, "Database", contentRoot, repositoryRoot);
    }

    internal static List<SeedKey> ReadApiKeys(IConfigurationSection section)
    {
        var keys = new List<SeedKey>();
        foreach (var entry in section.GetChildren())
        {
            string where = $"{BarrierOptions.Section}:ApiKeys:{entry.Key}";
            string? key = entry["Key"];
            string? role = entry["Role"];
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new BarrierStartupException($"{where}:Key is empty; give a key of at least {ApiKeyHasher.MinKeyLength} characters, or remove the entry.");
            }
            if (key.Length < ApiKeyHasher.MinKeyLength)
            {
                throw new BarrierStartupException($"{where}:Key is {key.Length} characters long; keys must have at least {ApiKeyHasher.MinKeyLength}, so that they cannot be guessed.");
            }
            if (!BarrierNames.TryParse<ApiKeyRole>(role, out var parsed))
            {
                throw new BarrierStartupException($"{where}:Role is '{role}'; it must be one of {string.Join(", ", BarrierNames.Roles)}.");
            }
            keys.Add(new SeedKey(key, parsed, string.IsNullOrWhiteSpace(entry["Name"]) ? null : entry["Name"]));
        }
        return keys;
    }

    private static SqliteBarrierStore OpenStore(string path)
    {
        try
        {
            return SqliteBarrierStore.Open(path);
        }
        catch (BarrierStoreException ex)
        {
            throw new BarrierStartupException(ex.Message, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Barrier store {Path}: schema v{Version}{Migrated}, {ActiveKeys} active API keys ({ConfiguredKeys} from configuration)")]
    private static partial void LogOpened(ILogger logger, string path, int version, string migrated, int activeKeys, int configuredKeys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured API key {KeyId} was revoked through the admin endpoint and stays revoked; remove it from the configuration")]
    private static partial void LogSeededKeyRevoked(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API key {KeyId} was seeded from configuration and is no longer configured: revoked")]
    private static partial void LogSeededKeyDropped(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}

/// <summary>The resolved path of the barrier store.</summary>
internal sealed record BarrierStorePath(string Path);

/// <summary>The keys from configuration, checked.</summary>
internal sealed record ConfiguredApiKeys(IReadOnlyList<SeedKey> Keys);
