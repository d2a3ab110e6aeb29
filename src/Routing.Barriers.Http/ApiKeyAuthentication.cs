using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Texts;

namespace Routing.Barriers.Http;

/// <summary>
/// Access by API key in the <c>X-Api-Key</c> header. No key: anonymous (may read active reports). An unknown or
/// revoked key: 401 on every barrier endpoint, reads included, so a client with a wrong key learns at once. A key of
/// the wrong role: 403. Every refusal is problem+json.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "key_id";

    /// <summary>
    /// A citizen app that shares one key among its users names the person here (an id of its own, opaque to us), so
    /// that the report quotas and "own reports" follow the person. At most 64 letters, digits and <c>._:@-</c>.
    /// </summary>
    public const string EndUserHeader = "X-End-User-Id";

    public const string EndUserClaim = "end_user_id";

    public const int MaxEndUserIdLength = 64;

    /// <summary>The key behind the request, or null for anonymous.</summary>
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(KeyIdClaim)?.Value is not { } keyId)
        {
            return null;
        }
        return BarrierNames.TryParse<ApiKeyRole>(user.FindFirst(ClaimTypes.Role)?.Value, out var role)
            ? new Actor(keyId, role, user.FindFirst(EndUserClaim)?.Value)
            : null;
    }

    /// <summary>Whether an end-user id is well formed (see <see cref="EndUserHeader"/>).</summary>
    public static bool IsValidEndUserId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxEndUserIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '@' or '-');

    /// <summary>Anyone, but a key that is sent must be valid.</summary>
    public static TBuilder AllowAnonymousWithValidKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new ValidKeyIfPresentRequirement()))
            .WithApiKeySecurity(optional: true);

    /// <summary>Only a valid key with one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireKeyRole<TBuilder>(this TBuilder builder, params ApiKeyRole[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole([.. roles.Select(r => BarrierNames.Name(r))]))
            .WithMetadata(new RequiredKeyRoles(roles))
            .WithApiKeySecurity(optional: false);
}

/// <summary>Endpoint metadata: the roles an endpoint needs, for the 403 answer.</summary>
internal sealed record RequiredKeyRoles(IReadOnlyList<ApiKeyRole> Roles);

internal sealed class ValidKeyIfPresentRequirement : IAuthorizationRequirement;

/// <summary>Succeeds without a key, or with a valid one; fails (401) for a key that is sent but not valid.</summary>
internal sealed class ValidKeyIfPresentHandler : AuthorizationHandler<ValidKeyIfPresentRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ValidKeyIfPresentRequirement requirement)
    {
        bool keySent = context.Resource is HttpContext http && http.Request.Headers.ContainsKey(ApiKeyAuthentication.Header);
        if (!keySent || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Checks the <c>X-Api-Key</c> header against the stored key hashes; answers 401 and 403 as problems.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string MalformedEndUserId = "Routing.MalformedEndUserId";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthentication.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.Fail("malformed X-Api-Key header");
        }
        string? endUser = null;
        if (Request.Headers.TryGetValue(ApiKeyAuthentication.EndUserHeader, out var endUsers))
        {
            endUser = endUsers.Count == 1 ? endUsers[0] : null;
            if (!ApiKeyAuthentication.IsValidEndUserId(endUser))
            {
                Context.Items[MalformedEndUserId] = true;
                return AuthenticateResult.Fail("malformed X-End-User-Id header");
            }
        }
        var key = await keys.AuthenticateAsync(values[0]!.Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        List<Claim> claims =
        [
            new(ApiKeyAuthentication.KeyIdClaim, key.KeyId),
            new(ClaimTypes.Role, BarrierNames.Name(key.Role)),
            new(ClaimTypes.Name, key.Name ?? key.KeyId),
        ];
        if (endUser is not null)
        {
            claims.Add(new Claim(ApiKeyAuthentication.EndUserClaim, endUser));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyAuthentication.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(MalformedEndUserId))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = Context,
                ProblemDetails = HttpProblems.InvalidRequest(new Dictionary<string, string[]>
                {
                    [ApiKeyAuthentication.EndUserHeader] = [Phrase.FieldError("end_user_id", ApiKeyAuthentication.MaxEndUserIdLength).In(RequestLanguage.OfProblem(Context))],
                }),
            });
            return;
        }
        bool keySent = Request.Headers.ContainsKey(ApiKeyAuthentication.Header);
        var language = RequestLanguage.OfProblem(Context);
        var problem = keySent
            ? HttpProblems.Create(ProblemTypes.ApiKeyInvalid, StatusCodes.Status401Unauthorized, language.Format("problem.key_invalid", ApiKeyAuthentication.Header))
            : HttpProblems.Create(ProblemTypes.ApiKeyRequired, StatusCodes.Status401Unauthorized, RequiredRoles() is { Count: > 0 } roles
                ? language.Format("problem.key_required_role", ApiKeyAuthentication.Header, OneOf(roles, language))
                : language.Format("problem.key_required", ApiKeyAuthentication.Header));
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyAuthentication.Scheme} header=\"{ApiKeyAuthentication.Header}\"";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var actor = ApiKeyAuthentication.ActorOf(Context.User);
        var required = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredKeyRoles>()?.Roles ?? [];
        var language = RequestLanguage.OfProblem(Context);
        var problem = HttpProblems.Create(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden, language.Format("problem.key_wrong_role",
            OneOf(RequiredRoles(), language), actor?.KeyId ?? "", actor is null ? "none" : BarrierNames.Name(actor.Role)));
        problem.Extensions["required_roles"] = required.Select(r => BarrierNames.Name(r)).ToArray();
        problem.Extensions["role"] = actor is null ? null : BarrierNames.Name(actor.Role);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    private IReadOnlyList<string> RequiredRoles() =>
        [.. (Context.GetEndpoint()?.Metadata.GetMetadata<RequiredKeyRoles>()?.Roles ?? []).Select(r => BarrierNames.Name(r))];

    /// <summary>"planner", "planner or admin", "planner, operator or admin": the roles' API names joined in the language's words.</summary>
    private static string OneOf(IReadOnlyList<string> names, TextLanguage language) =>
        names.Count < 2 ? string.Join("", names) : language.Format("problem.one_of", string.Join(", ", names.Take(names.Count - 1)), names[^1]);
}
