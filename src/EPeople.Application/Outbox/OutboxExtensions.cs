using System.Text.Json;
using EPeople.Application.Abstractions;

namespace EPeople.Application.Outbox;

public static class OutboxExtensions
{
    /// <summary>Adds an e-mail to the outbox; it is stored by the caller's next SaveChanges, in the same transaction.</summary>
    public static void EnqueueEmail(this IEPeopleDbContext db, EmailMessage email, string idempotencyKey, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(
            "application", EmailMessage.Type, JsonSerializer.Serialize(email), idempotencyKey, now));
}
