using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application.FunctionalTests.Scheduling;

/// <summary>
/// Quartz started for real with its persistent store in the application's database: the outbox dispatcher
/// job drains the outbox. On PostgreSQL two nodes share one clustered scheduler and every message is still
/// delivered exactly once.
/// </summary>
[TestFixtureSource(typeof(DatabaseTest), nameof(DatabaseTest.Providers))]
public sealed class OutboxSchedulingTests(DatabaseProvider provider)
{
    [Test]
    public async Task ShouldDeliverEveryQueuedEmailExactlyOnce()
    {
        await using var nodes = await TestNodes.CreateAsync(provider);
        await using (var scope = nodes.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            for (var n = 0; n < 20; n++)
            {
                db.EnqueueEmail(new EmailMessage($"citizen{n}@example.kr", "알림 notice", "text", "<p>html</p>"), $"notice-{n}", now);
            }

            await db.SaveChangesAsync();
        }

        await nodes.StartAsync();

        (await nodes.WaitUntilAsync(async db => !await db.OutboxMessages.AnyAsync(m => m.Status != OutboxStatus.Dispatched)))
            .ShouldBeTrue("the scheduler should have drained the outbox within a minute");
        await using (var scope = nodes.Services.CreateAsyncScope())
        {
            var attempts = await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().OutboxMessages.Select(m => m.Attempts).ToListAsync();
            attempts.ShouldAllBe(a => a == 1);
        }

        Directory.GetFiles(Path.Combine(nodes.Folder, "mail"), "*.eml").Length.ShouldBe(20);
    }
}
