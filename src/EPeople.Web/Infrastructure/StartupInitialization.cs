using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Web.Infrastructure;

internal static partial class StartupInitialization
{
    /// <summary>
    /// On start: migrate when configured (always for SQLite), then seed what a first start needs. A server
    /// database that is not migrated is left alone: /health/ready reports it until 'migrate' is run.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (options.MigrateOnStartup)
        {
            await initializer.MigrateAsync(CancellationToken.None);
        }

        var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            LogNotMigrated(app.Logger, options.Provider);
            return;
        }

        await initializer.SeedAsync(CancellationToken.None);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "The {Provider} database has pending migrations; run 'dotnet run --project src/EPeople.Web -- migrate'. Seeding skipped.")]
    private static partial void LogNotMigrated(ILogger logger, DatabaseProvider provider);
}
