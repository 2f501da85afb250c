using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Outbox;

public sealed class OutboxDispatcherTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task EnqueueAsync(string key, string type = EmailMessage.Type) =>
        await App.QueryDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(
                "application", type,
                System.Text.Json.JsonSerializer.Serialize(new EmailMessage("citizen@example.kr", "제목 subject", "text", "<p>html</p>")),
                key, App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

    private Task<int> DispatchAsync() =>
        App.ExecuteAsync<OutboxDispatcher, int>(d => d.DispatchDueAsync(10, CancellationToken.None));

    [Test]
    public async Task ShouldWriteEachEmailOnceToThePickupFolderAndMarkItDispatched()
    {
        await EnqueueAsync("k1");
        await EnqueueAsync("k2");

        (await DispatchAsync()).ShouldBe(2);
        (await DispatchAsync()).ShouldBe(0);

        var files = Directory.GetFiles(App.PickupDirectory, "*.eml");
        files.Length.ShouldBe(2);
        var text = await File.ReadAllTextAsync(files[0]);
        text.ShouldContain("To: citizen@example.kr");
        text.ShouldContain("Subject: =?utf-8?B?");
        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Dispatched && m.DispatchedAt != null))).ShouldBe(2);
    }

    [Test]
    public async Task ShouldStoreTheSameIdempotencyKeyOnlyOnce()
    {
        await EnqueueAsync("same-key");

        await Should.ThrowAsync<DbUpdateException>(() => EnqueueAsync("same-key"));
        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task ShouldRetryAFailedMessageWithBackOffWithoutBlockingTheOthers()
    {
        await EnqueueAsync("unknown-channel", type: "carrier-pigeon");
        await EnqueueAsync("good");

        (await DispatchAsync()).ShouldBe(1);
        var failed = await App.QueryDbAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "unknown-channel"));
        failed.Status.ShouldBe(OutboxStatus.Pending);
        failed.Attempts.ShouldBe(1);
        failed.LastError!.ShouldContain("carrier-pigeon");
        failed.NextAttemptAt.ShouldBe(App.Clock.GetUtcNow().AddSeconds(5));

        // Not due yet: nothing happens; due after the back-off: tried again.
        (await DispatchAsync()).ShouldBe(0);
        App.Clock.Advance(TimeSpan.FromSeconds(6));
        await DispatchAsync();
        (await App.QueryDbAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "unknown-channel"))).Attempts.ShouldBe(2);
    }

    [Test]
    public async Task ShouldGiveUpAfterTheMaximumNumberOfAttempts()
    {
        await EnqueueAsync("hopeless", type: "carrier-pigeon");

        for (var i = 0; i < OutboxDispatcher.MaxAttempts; i++)
        {
            await DispatchAsync();
            App.Clock.Advance(TimeSpan.FromHours(2));
        }

        var message = await App.QueryDbAsync(db => db.OutboxMessages.SingleAsync());
        message.Status.ShouldBe(OutboxStatus.Failed);
        message.Attempts.ShouldBe(OutboxDispatcher.MaxAttempts);
    }
}
