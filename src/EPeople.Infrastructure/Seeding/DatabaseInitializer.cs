using EPeople.Application.Security;
using EPeople.Infrastructure.Identity;
using EPeople.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Seeding;

/// <summary>Brings a database up to date (migrations) and loads what a first start needs: roles, institutions, demo accounts.</summary>
internal sealed partial class DatabaseInitializer(
    EPeopleDbContext db,
    RoleManager<ApplicationRole> roles,
    InstitutionSeeder institutions,
    DemoUserSeeder demoUsers,
    DemoConsultationSeeder demoConsultations,
    WorkflowSeeder workflows,
    HolidaySeeder holidays,
    IOptions<SeedOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogMigrating(logger, pending.Count, names);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        var seed = options.Value;
        if (seed.Institutions)
        {
            var count = await institutions.SeedAsync(Path.Combine(seed.Directory, "institutions.csv"), cancellationToken);
            if (count > 0)
            {
                LogSeeded(logger, count, "institutions");
            }
        }

        await holidays.SeedAsync(cancellationToken);
        await workflows.SeedAsync(cancellationToken);

        if (seed.DemoUsers)
        {
            var count = await demoUsers.SeedAsync(Path.Combine(seed.Directory, "demo-users.json"), cancellationToken);
            if (count > 0)
            {
                LogSeeded(logger, count, "demo accounts");
            }

            if (await demoConsultations.SeedAsync(cancellationToken) > 0)
            {
                LogSeeded(logger, 1, "demo consultation");
            }
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string migrations);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Seeded {Count} {What}")]
    private static partial void LogSeeded(ILogger logger, int count, string what);
}
