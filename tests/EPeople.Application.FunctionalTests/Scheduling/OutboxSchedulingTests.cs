using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EPeople.Application.FunctionalTests.Scheduling;

/// <summary>
/// Quartz started for real with its persistent store in the application's database: the outbox dispatcher
/// job drains the outbox. On PostgreSQL two nodes share one clustered scheduler and every message is still
/// delivered exactly once.
/// </summary>
[TestFixtureSource(typeof(DatabaseTest), nameof(DatabaseTest.Providers))]
public sealed class OutboxSchedulingTests(DatabaseProvider provider)
{
    private readonly List<IHost> _hosts = [];
    private string _folder = "";

    [SetUp]
    public void MakeFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "epeople-quartz-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public async Task StopNodes()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task ShouldDeliverEveryQueuedEmailExactlyOnce()
    {
        var database = await TestDatabase.CreateAsync(provider, _folder);
        var nodes = provider == DatabaseProvider.PostgreSql ? 2 : 1;
        for (var i = 0; i < nodes; i++)
        {
            var builder = Host.CreateApplicationBuilder();
            TestApp.AddApplicationUnderTest(builder.Services, TestApp.Configuration(database, _folder, scheduler: true), _folder);
            _hosts.Add(builder.Build());
        }

        await using (var scope = _hosts[0].Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            for (var n = 0; n < 20; n++)
            {
                db.EnqueueEmail(new EmailMessage($"citizen{n}@example.kr", "알림 notice", "text", "<p>html</p>"), $"notice-{n}", now);
            }

            await db.SaveChangesAsync();
        }

        foreach (var host in _hosts)
        {
            await host.StartAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var pending = int.MaxValue;
        while (pending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            await using var scope = _hosts[0].Services.CreateAsyncScope();
            pending = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().OutboxMessages
                .CountAsync(m => m.Status != OutboxStatus.Dispatched);
        }

        pending.ShouldBe(0, "the scheduler should have drained the outbox within a minute");
        await using (var scope = _hosts[0].Services.CreateAsyncScope())
        {
            var attempts = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().OutboxMessages.Select(m => m.Attempts).ToListAsync();
            attempts.ShouldAllBe(a => a == 1);
        }

        Directory.GetFiles(Path.Combine(_folder, "mail"), "*.eml").Length.ShouldBe(20);
    }
}
