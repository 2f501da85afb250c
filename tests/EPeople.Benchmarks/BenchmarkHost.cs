using EPeople.Application.Abstractions;
using EPeople.Application.Workflows;
using EPeople.Infrastructure;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using EPeople.Testing;
using EPeople.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EPeople.Benchmarks;

/// <summary>A durable throwaway PostgreSQL (fsync and synchronous commit on) and the application's services on it.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(PostgresServer server, string connection, ServiceProvider services)
    {
        Server = server;
        Connection = connection;
        Services = services;
    }

    public PostgresServer Server { get; }
    public string Connection { get; }
    public ServiceProvider Services { get; }

    public static async Task<BenchmarkHost> StartAsync()
    {
        var bin = PostgresServer.FindBinaries() ?? throw new InvalidOperationException("PostgreSQL binaries are needed (/usr/lib/postgresql/*/bin or EPEOPLE_PG_BIN).");
        var server = await PostgresServer.StartAsync(bin, durable: true);
        var connection = await server.CreateDatabaseAsync("bench");
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:EPeople"] = connection + ";Maximum Pool Size=64",
            ["Scheduler:Enabled"] = "false",
            ["Seed:Directory"] = Path.Combine(AppContext.BaseDirectory, "samples"),
            ["Seed:Institutions"] = "false",
            // What the outbox dispatcher delivers here (the filing benchmark's drain) is written to scratch folders.
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "epeople-bench-mail"),
            ["Sms:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "epeople-bench-sms"),
        }).Build();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddEPeopleHeadless(configuration, AppContext.BaseDirectory);
        services.AddSingleton<ICurrentUser, ActingUser>();
        // The benchmarks bulk-load their petitions with plain SQL, without similarity signatures, so the full analytics
        // recompute's similarity step would first index every one of them (a one-off backfill, not the recompute G5
        // measures against T-A); it is left out here, and the G5 figures say so.
        foreach (var backfill in services.Where(d => d.ServiceType == typeof(EPeople.Application.Analytics.IAfterDailyCountsStep)
                     && d.ImplementationType?.Name == "SimilarityBackfillStep").ToList())
        {
            services.Remove(backfill);
        }
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(CancellationToken.None);
        await initializer.SeedAsync(CancellationToken.None); // roles and the holiday calendar (no institutions file here)
        return new BenchmarkHost(server, connection, provider);
    }

    /// <summary>Publishes a definition document and returns its published version.</summary>
    public async Task<WorkflowDefinition> PublishAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionCatalog>();
        var outcome = await catalog.ImportSeedAsync(json, "benchmark", CancellationToken.None);
        return (await catalog.GetLatestAsync(outcome.DefinitionId, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
