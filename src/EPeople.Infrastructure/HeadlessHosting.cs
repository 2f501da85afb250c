using EPeople.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure;

public static class HeadlessHosting
{
    /// <summary>
    /// The application core as a process without the web front end needs it (tests, benchmarks, tools): use cases,
    /// persistence, engine, identity and the framework services Identity expects. The caller registers ICurrentUser.
    /// </summary>
    public static IServiceCollection AddEPeopleHeadless(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddSingleton(configuration);
        services.AddApplication();
        services.AddInfrastructure(configuration, contentRootPath, isDevelopment: false);
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddDataProtection();
        return services;
    }
}
