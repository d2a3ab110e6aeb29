using Microsoft.AspNetCore.Http.HttpResults;
using Routing.Barriers;

namespace Routing.Barriers.Http;

/// <summary><c>/v1/admin/api-keys</c>: list, create and revoke API keys (role admin).</summary>
internal static class ApiKeyEndpoints
{
    private const string AccessText = "\n\nNeeds a key with role `admin` in `X-Api-Key` (no key: `401 api-key-required`, another role: `403 forbidden`).";

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/admin/api-keys").WithTags("Administration").RequireKeyRole(ApiKeyRole.Admin);

        group.MapGet("/", ListApiKeys)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Every key with its id, role, name, where it came from (configuration or api) and whether it is active. " +
                "Never the key, never its hash." + AccessText)
            .WithBarrierProblems(401, 403)
            .WithBarrierExample(StatusCodes.Status200OK, BarrierExamples.Keys);

        group.MapPost("/", CreateApiKey)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("A new key with `role` (reporter, planner, admin) and an optional `name` (who holds it). The answer (201) holds " +
                "the key in `key` this once: the service keeps only its SHA-256." + AccessText)
            .Accepts<CreateApiKeyBody>("application/json")
            .WithBarrierProblems(400, 401, 403)
            .WithRequestExample(BarrierExamples.CreateKeyRequest)
            .WithBarrierExample(StatusCodes.Status201Created, BarrierExamples.CreatedKey);

        group.MapDelete("/{keyId}", RevokeApiKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once (204). It stays listed as inactive, so history entries keep naming it. " +
                "Revoking the last active admin key is refused (`409 last-admin-key`); an unknown or already revoked key is " +
                "`404 api-key-not-found`. A key seeded from configuration stays revoked after a restart; one removed from the " +
                "configuration is revoked at the next start." + AccessText)
            .WithBarrierProblems(401, 403, 404, 409);

        return routes;
    }

    public static async Task<Ok<ApiKeyListResponse>> ListApiKeys(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ApiKeyListResponse([.. (await keys.ListAsync(cancellationToken)).Select(BarrierMapper.ToDto)]));

    public static async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> CreateApiKey(
        HttpRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = await BarrierBodyReader.ReadObjectAsync(request, errors, cancellationToken);
        if ((body is { } json ? BarrierBodyReader.ReadCreateKey(json, errors) : null) is not var (role, name))
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        var created = await keys.CreateAsync(role, name, cancellationToken);
        var key = created.Key;
        return TypedResults.Created($"/v1/admin/api-keys/{key.KeyId}",
            new CreatedApiKeyDto(key.KeyId, key.Role, key.Name, key.Source, key.CreatedAt, created.PlainKey));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(string keyId, HttpContext http, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, cancellationToken) switch
        {
            RevokeOutcome.Revoked => TypedResults.NoContent(),
            RevokeOutcome.LastAdmin => TypedResults.Problem(BarrierProblems.LastAdminKey(keyId, RequestLanguage.OfProblem(http))),
            _ => TypedResults.Problem(BarrierProblems.ApiKeyNotFound(keyId, RequestLanguage.OfProblem(http))),
        };
}
