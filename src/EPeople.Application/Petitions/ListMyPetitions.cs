using EPeople.Workflows.Ports;
using EPeople.Application.Calendar;
using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

public sealed record MyPetitionDto(Guid Id, string ReceiptNumber, string Kind, string Title, string Status, string Stage, string InstitutionCode,
    DateTimeOffset FiledAt, DateTimeOffset? DueAt, string SlaState);

public sealed record MyPetitionPage(IReadOnlyList<MyPetitionDto> Items, string? Next);

/// <summary>
/// "My petitions": the signed-in citizen's petitions, newest first, keyset-paged on (petitioner_id, filed_at, id)
/// — the index's prefix is the filter and its next columns the order.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record ListMyPetitionsQuery(string? After = null, int Limit = 20) : IQuery<MyPetitionPage>;

internal sealed class ListMyPetitionsQueryValidator : AbstractValidator<ListMyPetitionsQuery>
{
    public ListMyPetitionsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100);
        RuleFor(q => q.After).Must(a => PetitionCursor.TryDecode(a, out _, out _)).When(q => !string.IsNullOrEmpty(q.After))
            .WithMessage("'after' must be the 'next' value of a previous page.");
    }
}

internal sealed class ListMyPetitionsQueryHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars) : IQueryHandler<ListMyPetitionsQuery, MyPetitionPage>
{
    public async ValueTask<MyPetitionPage> Handle(ListMyPetitionsQuery query, CancellationToken cancellationToken)
    {
        var petitioner = user.Id;
        var petitions = db.Petitions.AsNoTracking().Where(p => p.PetitionerId == petitioner);
        if (PetitionCursor.TryDecode(query.After, out var filedAt, out var id))
        {
            petitions = petitions.Where(p => p.FiledAt < filedAt || (p.FiledAt == filedAt && p.Id.CompareTo(id) < 0));
        }

        var rows = await petitions.OrderByDescending(p => p.FiledAt).ThenByDescending(p => p.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var sla = await SlaRule.NowAsync(calendars, clock, cancellationToken);
        var next = rows.Count > query.Limit
            ? PetitionCursor.Encode(page[^1].FiledAt, page[^1].Id)
            : null;
        return new MyPetitionPage([.. page.Select(p => new MyPetitionDto(p.Id, p.ReceiptNumber, p.Kind.ToString(), p.Title, p.Status.ToString(),
            p.Stage.ToString(), p.InstitutionCode, p.FiledAt, p.DueAt, PetitionSla.StateOf(p, sla)))], next);
    }
}
