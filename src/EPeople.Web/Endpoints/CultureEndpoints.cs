using Microsoft.AspNetCore.Localization;

namespace EPeople.Web.Endpoints;

internal static class CultureEndpoints
{
    public static readonly string[] SupportedCultures = ["ko", "en"];

    /// <summary>The language switch: stores the choice in the culture cookie for a year and goes back to the page.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (HttpContext http, string? culture, string? redirectUri) =>
            {
                if (culture is not null && SupportedCultures.Contains(culture))
                {
                    http.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                }

                // Only local paths: an open redirect would let a link send citizens to another site.
                var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                    ? redirectUri
                    : "/";
                return Results.LocalRedirect(target);
            })
            .ExcludeFromDescription();
        return app;
    }
}
