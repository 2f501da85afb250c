using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.BrowserTests;

/// <summary>The real app on Kestrel at 127.0.0.1 (a free port), on a fresh SQLite file, as a first start in Development.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public BrowserApp()
    {
        Folder = Path.Combine(Path.GetTempPath(), "epeople-browser-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        UseKestrel(0);
    }

    public string Folder { get; }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EPeople", $"Data Source={Path.Combine(Folder, "epeople.db")}");
        builder.UseSetting("Seed:DemoUsers", "true");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Folder, "mail"));
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Every user of the journeys signs in from 127.0.0.1, many times a minute; the limit itself has its own HTTP tests.
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
