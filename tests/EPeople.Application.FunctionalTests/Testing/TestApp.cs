using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Infrastructure;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>
/// The application as the use cases see it, on one real database: commands go through the mediator in a
/// fresh DI scope each (as in the web host), as the user set with the RunAs methods, at the fake clock's time.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private static readonly Dictionary<DatabaseProvider, Task<TestApp>> Apps = [];
    private readonly ServiceProvider _services;

    private TestApp(ServiceProvider services, TestDatabase database, string folder)
    {
        _services = services;
        Database = database;
        Folder = folder;
    }

    public TestDatabase Database { get; }

    /// <summary>A temporary folder of this app (SQLite file, e-mail pickup folder).</summary>
    public string Folder { get; }

    public string PickupDirectory => Path.Combine(Folder, "mail");

    public TestCurrentUser User => _services.GetRequiredService<TestCurrentUser>();

    public FakeTimeProvider Clock => _services.GetRequiredService<FakeTimeProvider>();

    public static Task<TestApp> ForAsync(DatabaseProvider provider)
    {
        lock (Apps)
        {
            if (!Apps.TryGetValue(provider, out var app) || app.IsFaulted)
            {
                Apps[provider] = app = CreateAsync(provider);
            }

            return app;
        }
    }

    public static async Task DisposeAllAsync()
    {
        foreach (var app in Apps.Values.Where(a => a.IsCompletedSuccessfully))
        {
            await (await app).DisposeAsync();
        }

        Apps.Clear();
    }

    /// <summary>The configuration the app runs with; tests that host more (Quartz) start from it.</summary>
    public static IConfiguration Configuration(TestDatabase database, string folder, bool scheduler = false) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:EPeople"] = database.ConnectionString,
            ["Scheduler:Enabled"] = scheduler ? "true" : "false",
            ["Scheduler:OutboxPollSeconds"] = "1",
            ["Seed:Directory"] = Path.Combine(AppContext.BaseDirectory, "Testing", "Samples"),
            ["Seed:DemoUsers"] = "false",
            // No shipped model: routing tests promote the model they need, the rest route by the rules alone.
            ["Routing:ModelPath"] = "",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["PublicSite:BaseUrl"] = "https://epeople.test",
        }).Build();

    /// <summary>Registers everything the web host registers for the use cases, with test doubles for the user and the clock.</summary>
    public static void AddApplicationUnderTest(IServiceCollection services, IConfiguration configuration, string folder)
    {
        services.AddLogging();
        services.AddEPeopleHeadless(configuration, folder);
        services.Configure<PublicSiteOptions>(configuration.GetSection(PublicSiteOptions.Section));
        services.AddSingleton<TestCurrentUser>();
        services.AddSingleton<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        services.AddSingleton(new FakeTimeProvider(Start));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>());
    }

    private static async Task<TestApp> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "epeople-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var database = await TestDatabase.CreateAsync(provider, folder);
        var services = new ServiceCollection();
        AddApplicationUnderTest(services, Configuration(database, folder), folder);
        var app = new TestApp(services.BuildServiceProvider(validateScopes: true), database, folder);
        await app.ExecuteAsync<DatabaseInitializer>(i => i.MigrateAsync(CancellationToken.None));
        return app;
    }

    /// <summary>Where the clock stands at the start of every test.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Empties the database, loads the small test directory (11 institutions) and the roles, and puts the clock back to
    /// <see cref="Start"/>: the app is shared by the tests of a provider, and no test may depend on where another left the clock.
    /// </summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        Clock.AdjustTime(Start);
        User.SignOut();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }

        await ExecuteAsync<DatabaseInitializer>(i => i.SeedAsync(CancellationToken.None));
        // Respawn emptied the tables behind EF's back: the cached directory must not outlive them.
        await ExecuteAsync<EPeople.Application.Institutions.InstitutionDirectory>(d =>
        {
            d.Invalidate();
            return Task.CompletedTask;
        });
        await ExecuteAsync<EPeople.Application.Petitions.Routing.RouterModelSource>(m =>
        {
            m.Invalidate();
            return Task.CompletedTask;
        });
        await ExecuteAsync<EPeople.Application.Petitions.Routing.RoutingKeywordRuleBook>(b =>
        {
            b.Invalidate();
            return Task.CompletedTask;
        });
    }

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<T> QueryDbAsync<T>(Func<EPeopleDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EPeopleDbContext>());
    }

    public async Task ExecuteAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> ExecuteAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<Guid> InstitutionIdAsync(string code) =>
        await QueryDbAsync(db => db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

    public void RunAsSystemAdmin() => User.Set("sysadmin@test", [Roles.SystemAdmin]);

    public async Task RunAsInstitutionAdminAsync(string institutionCode) =>
        User.Set($"admin.{institutionCode}@test", [Roles.InstitutionAdmin], await InstitutionIdAsync(institutionCode));

    public void RunAsCitizen() => User.Set("citizen@test", [Roles.Citizen]);

    public void RunAnonymous() => User.SignOut();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
