using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using EPeople.Application.Abstractions;
using EPeople.Domain;
using EPeople.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EPeople.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity in
/// the same SaveChanges (so the same transaction) as the change itself: nothing is changed unaudited.
/// Only the properties that changed are recorded, before and after. The actor is the one the context was handed for
/// its unit of work (<see cref="EPeopleDbContext.Actor"/>): the interceptor is shared by every pooled context.
/// </summary>
internal sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotAudited = [nameof(AggregateRoot.Version), "SearchKey"];

    // Korean stays readable in the stored JSON (the default encoder would write \uXXXX escapes); enums by name.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var user = (context as EPeopleDbContext)?.Actor ?? SystemActor.Instance;
        var entries = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, user, now))
            .Where(a => a is not null)
            .ToList();
        context.Set<AuditEntry>().AddRange(entries!);
    }

    private static AuditEntry? Describe(EntityEntry<IAudited> entry, ICurrentUser user, DateTimeOffset now)
    {
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, property) in Properties(entry))
        {
            if (NotAudited.Contains(name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    before[name] = property.OriginalValue;
                    break;
                default:
                    if (!Equals(property.OriginalValue, property.CurrentValue))
                    {
                        before[name] = property.OriginalValue;
                        after[name] = property.CurrentValue;
                    }

                    break;
            }
        }

        if (entry.State == EntityState.Modified && after.Count == 0)
        {
            return null;
        }

        var key = string.Join(':', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        var aggregateId = entry.Entity switch
        {
            AggregateRoot root => root.Id.ToString(),
            IAggregateMember member => member.AggregateId.ToString(),
            _ => key,
        };
        return new AuditEntry(
            now,
            user.Id,
            user.Name,
            user.IpAddress,
            entry.Metadata.ClrType.Name,
            key,
            aggregateId,
            entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            entry.State == EntityState.Added ? null : JsonSerializer.Serialize(before, Json),
            entry.State == EntityState.Deleted ? null : JsonSerializer.Serialize(after, Json));
    }

    private static IEnumerable<(string Name, PropertyEntry Property)> Properties(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            yield return (property.Metadata.Name, property);
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                yield return ($"{complex.Metadata.Name}.{property.Metadata.Name}", property);
            }
        }
    }
}
