using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EPeople.Web.FunctionalTests.Testing;

/// <summary>
/// The real host (Program) on a fresh SQLite file in a temporary folder, seeded as a first start in
/// Development is: the full institutions directory and the demo accounts. Quartz runs, so the outbox is delivered.
/// </summary>
public sealed class EPeopleWebFactory(IReadOnlyDictionary<string, string>? overrides = null) : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("epeople-web-").FullName;

    public string PickupDirectory => Path.Combine(Folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EPeople", $"Data Source={Path.Combine(Folder, "epeople.db")}");
        builder.UseSetting("Seed:DemoUsers", "true");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Scheduler:OutboxPollSeconds", "1");
        builder.UseSetting("PublicSite:BaseUrl", "https://epeople.test");
        builder.UseSetting("RateLimiting:SignInPerMinute", "1000");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
