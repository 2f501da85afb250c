using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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

    [Test]
    public async Task ShouldDeliverABatchChannelsMessagesTogetherAndOneByOneWhenTheBatchFails()
    {
        var channel = new RecordingBatchChannel();
        await EnqueueRawAsync("b1", "good-1");
        await EnqueueRawAsync("b2", "good-2");
        await EnqueueAsync("mail");

        (await DispatchWithAsync(channel)).ShouldBe(3);
        channel.Batches.ShouldBe([2]); // one delivery for both, one save
        channel.Singles.ShouldBeEmpty();

        await EnqueueRawAsync("b3", "good-3");
        await EnqueueRawAsync("b4", "bad");
        await EnqueueRawAsync("b5", "good-5");
        (await DispatchWithAsync(channel)).ShouldBe(2);
        channel.Batches.ShouldBe([2, 3]);
        channel.Singles.ShouldBe(["good-3", "bad", "good-5"]);
        var bad = await App.QueryDbAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "b4"));
        (bad.Status, bad.Attempts).ShouldBe((OutboxStatus.Pending, 1));
        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Dispatched))).ShouldBe(5);
    }

    private Task<int> EnqueueRawAsync(string key, string payload) =>
        App.QueryDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("application", RecordingBatchChannel.Kind, payload, key, App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

    private Task<int> DispatchWithAsync(RecordingBatchChannel channel) =>
        App.ExecuteAsync<IServiceProvider, int>(services =>
        {
            var db = services.GetRequiredService<EPeopleDbContext>();
            IOutboxChannel[] channels = [.. services.GetServices<IOutboxChannel>(), channel];
            return new OutboxDispatcher(db, channels, App.Clock, NullLogger<OutboxDispatcher>.Instance).DispatchDueAsync(10, CancellationToken.None);
        });

    /// <summary>Delivers in batches, refusing any batch or message whose payload is "bad".</summary>
    private sealed class RecordingBatchChannel : IOutboxBatchChannel
    {
        public const string Kind = "bulk";

        public List<int> Batches { get; } = [];

        public List<string> Singles { get; } = [];

        public string Type => Kind;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Singles.Add(message.Payload);
            return message.Payload == "bad" ? throw new InvalidOperationException("refused") : Task.CompletedTask;
        }

        public Task DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Batches.Add(messages.Count);
            return messages.Any(m => m.Payload == "bad") ? throw new InvalidOperationException("refused") : Task.CompletedTask;
        }
    }
}
