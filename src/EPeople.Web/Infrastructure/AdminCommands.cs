using EPeople.Infrastructure.Seeding;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// The admin command line: <c>dotnet run --project src/EPeople.Web -- migrate</c> applies the migrations of
/// the configured provider; <c>-- seed</c> also loads roles, institutions and (in Development) demo accounts.
/// </summary>
internal static class AdminCommands
{
    public static readonly string[] Names = ["migrate", "seed"];

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(CancellationToken.None);
        Console.WriteLine("Migrations applied.");
        if (command == "seed")
        {
            await initializer.SeedAsync(CancellationToken.None);
            Console.WriteLine("Seed data loaded.");
        }

        return 0;
    }
}
