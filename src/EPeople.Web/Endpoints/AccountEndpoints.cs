using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace EPeople.Web.Endpoints;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (a GET could be triggered by any page).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.LocalRedirect("/");
            })
            .ExcludeFromDescription();
        return app;
    }
}
