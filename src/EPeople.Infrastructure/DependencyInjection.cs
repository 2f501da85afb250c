using EPeople.Application.Analytics;
using EPeople.Infrastructure.Analytics;
using EPeople.Infrastructure.Identity;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Scheduling;
using EPeople.Infrastructure.Seeding;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, string contentRootPath, bool isDevelopment)
    {
        var database = DatabaseRegistration.ReadDatabaseOptions(configuration, contentRootPath);
        services.AddEPeopleDatabase(database);
        services.AddEPeopleIdentity();
        services.AddSingleton(TimeProvider.System);

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRootPath));
        services.AddScoped<IOutboxChannel, PickupFolderEmailChannel>();
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        services.PostConfigure<SmsOptions>(o => o.OutboxDirectory = Path.GetFullPath(o.OutboxDirectory, contentRootPath));
        services.AddScoped<IOutboxChannel, FileSmsChannel>();
        services.AddScoped<IOutboxChannel, PetitionGroupingChannel>();
        services.AddScoped<OutboxDispatcher>();

        services.Configure<EPeople.Application.Petitions.PetitionOptions>(configuration.GetSection(EPeople.Application.Petitions.PetitionOptions.Section));
        services.Configure<EPeople.Application.Petitions.Routing.RoutingOptions>(configuration.GetSection(EPeople.Application.Petitions.Routing.RoutingOptions.Section));
        services.PostConfigure<EPeople.Application.Petitions.Routing.RoutingOptions>(o =>
        {
            o.ModelPath = string.IsNullOrEmpty(o.ModelPath) ? "" : Path.GetFullPath(o.ModelPath, contentRootPath);
            o.CategoryMapPath = Path.GetFullPath(o.CategoryMapPath, contentRootPath);
        });
        services.Configure<AnalyticsOptions>(configuration.GetSection(AnalyticsOptions.Section));
        services.AddScoped<IDailyCountStore, SqlDailyCountStore>();
        services.AddScoped<EPeople.Application.Analytics.Grouping.IGroupingLock, SqlGroupingLock>();
        services.Configure<SeedOptions>(o => o.DemoUsers = isDevelopment);
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.PostConfigure<SeedOptions>(o =>
        {
            o.Directory = Path.GetFullPath(o.Directory, contentRootPath);
            o.WorkflowsDirectory = Path.GetFullPath(o.WorkflowsDirectory, contentRootPath);
        });
        services.AddScoped<InstitutionSeeder>();
        services.AddScoped<DemoUserSeeder>();
        services.AddScoped<DemoConsultationSeeder>();
        services.AddScoped<WorkflowSeeder>();
        services.AddScoped<HolidaySeeder>();
        services.AddScoped<DatabaseInitializer>();

        services.AddEPeopleWorkflows();

        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddEPeopleScheduler(database, scheduler,
            (configuration.GetSection(EPeople.Application.Petitions.Routing.RoutingOptions.Section).Get<EPeople.Application.Petitions.Routing.RoutingOptions>() ?? new()).RetrainCron,
            (configuration.GetSection(AnalyticsOptions.Section).Get<AnalyticsOptions>() ?? new()).IncrementalCron);
        return services;
    }
}
