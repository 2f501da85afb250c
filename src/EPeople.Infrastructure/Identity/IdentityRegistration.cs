using EPeople.Application.Abstractions;
using EPeople.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure.Identity;

internal static class IdentityRegistration
{
    public static IServiceCollection AddEPeopleIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // Length over composition (NIST 800-63B, ASVS 6.2): at least 8 characters, no forced symbols.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<EPeopleDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EPeopleClaimsPrincipalFactory>();
        services.AddScoped<IAccountService, AccountService>();
        return services;
    }
}
