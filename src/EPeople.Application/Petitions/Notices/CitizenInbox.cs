using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Notices;

public sealed record CitizenNoticeDto(Guid Id, Guid PetitionId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, bool IsRead);

public sealed record CitizenNoticePage(IReadOnlyList<CitizenNoticeDto> Items, int Unread, Guid? Next);

/// <summary>The signed-in citizen's in-app notices, newest first (keyset: pass 'next' as 'before'), with the unread count.</summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record ListMyNoticesQuery(Guid? Before = null, int Limit = 20) : IQuery<CitizenNoticePage>;

/// <summary>Marks one of the citizen's notices as read.</summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record MarkNoticeReadCommand(Guid Id) : ICommand<CitizenNoticeDto>;

internal sealed class ListMyNoticesQueryValidator : AbstractValidator<ListMyNoticesQuery>
{
    public ListMyNoticesQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 100);
}

internal sealed class CitizenInboxHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListMyNoticesQuery, CitizenNoticePage>, ICommandHandler<MarkNoticeReadCommand, CitizenNoticeDto>
{
    public async ValueTask<CitizenNoticePage> Handle(ListMyNoticesQuery query, CancellationToken cancellationToken)
    {
        var mine = db.CitizenNotices.AsNoTracking().Where(n => n.PetitionerId == user.Id);
        var page = mine;
        if (query.Before is { } before)
        {
            // Ids are version-7 GUIDs: time-ordered, so the cursor is the last id and its creation time.
            var at = await mine.Where(n => n.Id == before).Select(n => (DateTimeOffset?)n.CreatedAt).SingleOrDefaultAsync(cancellationToken)
                     ?? throw ValidationFailedException.For("before", "'before' must be the 'next' value of a previous page.");
            page = page.Where(n => n.CreatedAt < at || (n.CreatedAt == at && n.Id.CompareTo(before) < 0));
        }

        var rows = await page.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(query.Limit).Select(ToDto).ToList();
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return new CitizenNoticePage(items, unread, rows.Count > query.Limit ? items[^1].Id : null);
    }

    public async ValueTask<CitizenNoticeDto> Handle(MarkNoticeReadCommand command, CancellationToken cancellationToken)
    {
        var notice = await db.CitizenNotices.SingleOrDefaultAsync(n => n.Id == command.Id && n.PetitionerId == user.Id, cancellationToken)
                     ?? throw new NotFoundException("Notice", command.Id);
        notice.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(notice);
    }

    private static CitizenNoticeDto ToDto(CitizenNoticeRecord n) => new(n.Id, n.PetitionId, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt is not null);
}
