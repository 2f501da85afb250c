using System.Security.Claims;
using EPeople.Application.Accounts;
using EPeople.Application.Security;
using EPeople.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EPeople.Web.Endpoints;

internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record TokenResponse(string AccessToken, long ExpiresIn);

    public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

    public sealed record ConfirmEmailRequest(Guid UserId, string? Code);

    public sealed record MeResponse(Guid? Id, string? Email, string? DisplayName, IReadOnlyList<string> Roles, string? InstitutionId, string? DepartmentId, string? Position);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");

        auth.MapPost("/login", async (LoginRequest request, ISender sender, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                var principal = await sender.Send(new LogInCommand(request.Email, request.Password), ct);
                var bearer = options.Get(IdentityConstants.BearerScheme);
                var ticket = new AuthenticationTicket(
                    principal,
                    new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + bearer.BearerTokenExpiration },
                    IdentityConstants.BearerScheme);
                return TypedResults.Ok(new TokenResponse(
                    bearer.BearerTokenProtector.Protect(ticket), (long)bearer.BearerTokenExpiration.TotalSeconds));
            })
            .WithSummary("Exchange an e-mail address and password for a bearer token")
            .RequireRateLimiting(SignInRateLimiting.Policy)
            .AllowAnonymous();

        auth.MapPost("/register", async (RegisterRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new RegisterCitizenCommand(request.Email, request.Password, request.DisplayName), ct);
                return TypedResults.Accepted((string?)null, new { userId = id, message = "Check your e-mail for the confirmation link." });
            })
            .WithSummary("Register a citizen account; it signs in after the e-mail address is confirmed")
            .RequireRateLimiting(SignInRateLimiting.Policy)
            .AllowAnonymous();

        auth.MapPost("/confirm-email", async (ConfirmEmailRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ConfirmEmailCommand(request.UserId, request.Code), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Confirm an e-mail address with the code from the confirmation link")
            .AllowAnonymous();

        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
                user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
                user.FindFirstValue(UserClaimTypes.DisplayName),
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                user.FindFirstValue(UserClaimTypes.InstitutionId),
                user.FindFirstValue(UserClaimTypes.DepartmentId),
                user.FindFirstValue(UserClaimTypes.Position))))
            .WithSummary("Who the token or cookie belongs to")
            .RequireAuthorization();

        return api;
    }
}
