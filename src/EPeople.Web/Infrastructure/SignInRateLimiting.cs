using System.Threading.RateLimiting;
using EPeople.Application.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// Slows credential stuffing and sign-up spam (ASVS 6.3.1, 2.4.1): sign-in and registration attempts per client
/// address per minute (<c>RateLimiting:SignInPerMinute</c>). Account lockout after 5 wrong passwords covers one
/// account; this covers many accounts tried from one address.
/// </summary>
internal static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many attempts.",
                        Detail = "Too many sign-in attempts from your address. Wait a minute and try again.",
                    },
                });
            };
        });
        return services;
    }
}
