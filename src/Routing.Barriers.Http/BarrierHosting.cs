using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Http;

/// <summary>
/// Registers the barrier store (SQLite or PostgreSQL, by <c>Barriers:Provider</c>), timed and watched, the report and
/// key services, API-key access, the rate limit on report creation, the overlay refresher, for a shared store the
/// listener to other replicas' changes, and the store's readiness check; opens the store and seeds the configured
/// keys before the service listens.
/// </summary>
public static partial class BarrierHosting
{
    /// <param name="sqlitePath">The SQLite file for <c>Barriers:Provider=sqlite</c>: where data lives is the host's to say.</param>
    public static IServiceCollection AddBarrierReports(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> sqlitePath)
    {
        services.Configure<BarrierOptions>(configuration.GetSection(BarrierOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OpenedBarrierStore.Open(sp.GetRequiredService<IOptions<BarrierOptions>>().Value, () => sqlitePath(sp)));
        services.AddSingleton(sp => new BarrierStoreHealth(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BarrierMetrics(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<BarrierStoreHealth>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var opened = sp.GetRequiredService<OpenedBarrierStore>();
            return new MeasuredBarrierStore(opened.Reports, opened.Keys, sp.GetRequiredService<BarrierMetrics>(), sp.GetRequiredService<BarrierStoreHealth>());
        });
        services.AddSingleton<IBarrierStore>(sp => sp.GetRequiredService<MeasuredBarrierStore>());
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<MeasuredBarrierStore>());
        services.AddSingleton(sp => new ReportQuota(sp.GetRequiredService<IBarrierStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BarrierService(sp.GetRequiredService<IBarrierStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ApiKeyService(sp.GetRequiredService<IApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConfiguredApiKeys(ReadApiKeys(configuration.GetSection(BarrierOptions.Section + ":ApiKeys"))));
        services.AddSingleton<BarrierOverlayRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<BarrierOverlayRefresher>());
        services.AddHostedService<BarrierChangeListener>();
        services.AddHealthChecks().AddCheck<BarrierStoreHealthCheck>(BarrierStoreHealthCheck.Name, tags: ["ready"]);
        // Before the catch-all handler that AddApiProblems registered: exception handlers are asked in registration order.
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, BarrierStoreUnavailableHandler>());

        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, ValidKeyIfPresentHandler>();
        return services;
    }

    /// <summary><c>/v1/barriers</c>: reports, their lifecycle and their GeoJSON.</summary>
    public static WebApplication MapBarrierReports(this WebApplication app)
    {
        app.MapBarrierEndpoints();
        return app;
    }

    /// <summary><c>/v1/admin/api-keys</c>: keys for admins.</summary>
    public static WebApplication MapApiKeys(this WebApplication app)
    {
        app.MapApiKeyEndpoints();
        return app;
    }

    /// <summary>API-key authentication and role checks.</summary>
    public static WebApplication UseBarrierAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
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
            var store = app.Services.GetRequiredService<OpenedBarrierStore>();
            var configured = app.Services.GetRequiredService<ConfiguredApiKeys>();
            var seeded = await app.Services.GetRequiredService<ApiKeyService>().SeedAsync(configured.Keys);
            var keys = await store.Keys.ListKeysAsync();
            string migrated = store.AppliedMigrations.Count == 0 ? "" : $" (migrated: {string.Join(", ", store.AppliedMigrations.Select(v => "v" + v))})";
            int activeKeys = keys.Count(k => k.IsActive);
            LogOpened(app.Logger, store.Description, store.SchemaVersion, migrated, activeKeys, configured.Keys.Count);
            WatchStore(app, store.Description);
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
            if (key.Length > ApiKeyHasher.MaxKeyLength)
            {
                // A longer X-Api-Key is refused before any lookup, so such a key would be seeded and never match.
                throw new BarrierStartupException(
                    $"{where}:Key is {key.Length} characters long; a request's key may have at most {ApiKeyHasher.MaxKeyLength}, so this one could never be used. Give a key of {ApiKeyHasher.MinKeyLength} to {ApiKeyHasher.MaxKeyLength} characters.");
            }
            if (!BarrierNames.TryParse<ApiKeyRole>(role, out var parsed))
            {
                throw new BarrierStartupException($"{where}:Role is '{role}'; it must be one of {string.Join(", ", BarrierNames.Roles)}.");
            }
            keys.Add(new SeedKey(key, parsed, string.IsNullOrWhiteSpace(entry["Name"]) ? null : entry["Name"]));
        }
        return keys;
    }

    /// <summary>One log line when the store is lost and one when it is back, however many requests fail in between.</summary>
    private static void WatchStore(WebApplication app, string description)
    {
        var metrics = app.Services.GetRequiredService<BarrierMetrics>();
        app.Services.GetRequiredService<BarrierStoreHealth>().Changed += reason =>
        {
            if (reason is null)
            {
                LogStoreBack(app.Logger, description);
            }
            else
            {
                LogStoreLost(app.Logger, reason, metrics.OverlaySyncedAt);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Barrier store {Path}: schema v{Version}{Migrated}, {ActiveKeys} active API keys ({ConfiguredKeys} from configuration)")]
    private static partial void LogOpened(ILogger logger, string path, int version, string migrated, int activeKeys, int configuredKeys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured API key {KeyId} was revoked through the admin endpoint and stays revoked; remove it from the configuration")]
    private static partial void LogSeededKeyRevoked(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API key {KeyId} was seeded from configuration and is no longer configured: revoked")]
    private static partial void LogSeededKeyDropped(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason} Routes keep the overlay as of {OverlaySyncedAt:O}; barrier writes answer 503 until the store returns")]
    private static partial void LogStoreLost(ILogger logger, string reason, DateTimeOffset? overlaySyncedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The barrier store {Store} answers again; the overlay catches up")]
    private static partial void LogStoreBack(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}

/// <summary>The keys from configuration, checked.</summary>
internal sealed record ConfiguredApiKeys(IReadOnlyList<SeedKey> Keys);
