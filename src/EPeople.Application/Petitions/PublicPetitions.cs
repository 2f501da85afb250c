using System.Globalization;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

public sealed record PublicPetitionSummaryDto(Guid Id, string ReceiptNumber, string Kind, string? Subtype, string Title, string Status, string Stage,
    InstitutionRefDto Institution, DateTimeOffset FiledAt, DateTimeOffset? AnsweredAt);

public sealed record PublicPetitionPage(IReadOnlyList<PublicPetitionSummaryDto> Items, string? Next);

public sealed record PublicPetitionDto(Guid Id, string ReceiptNumber, string Kind, string? Subtype, string Title, string Body, string Petitioner,
    string Status, string Stage, InstitutionRefDto Institution, DateTimeOffset FiledAt, string? Answer, DateTimeOffset? AnsweredAt,
    string? AdditionalAnswer, IReadOnlyList<TimelineEntryDto> Timeline);

/// <summary>
/// Public petitions: the ones their authors allowed to be published (never a public-interest report, never a withdrawn
/// one), for anyone, signed in or not. Everything personal is masked with <see cref="PersonalDataMask"/>, the answer
/// shown only when the institution published it, notes between institutions left out. Newest first, keyset-paged on
/// (is_public, filed_at, id); <c>q</c> narrows to titles containing the words.
/// </summary>
public sealed record ListPublicPetitionsQuery(string? Q = null, string? Kind = null, string? After = null, int Limit = 20) : IQuery<PublicPetitionPage>;

/// <summary>One public petition's page (404 when it is not public: a private petition is not revealed to exist).</summary>
public sealed record GetPublicPetitionQuery(Guid Id) : IQuery<PublicPetitionDto>;

internal sealed class ListPublicPetitionsQueryValidator : AbstractValidator<ListPublicPetitionsQuery>
{
    public ListPublicPetitionsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100);
        RuleFor(q => q.After).Must(a => PetitionCursor.TryDecode(a, out _, out _)).When(q => !string.IsNullOrEmpty(q.After))
            .WithMessage("'after' must be the 'next' value of a previous page.");
        RuleFor(q => q.Q).MaximumLength(100);
        // Titles are searched unmasked, so searching by a phone number or address would tell whose petition it is.
        RuleFor(q => q.Q).Must(q => PersonalDataMask.Detect(q!).Count == 0).When(q => !string.IsNullOrWhiteSpace(q.Q))
            .WithMessage("Search by words, not by phone numbers, addresses or other personal data.");
        RuleFor(q => q.Kind).Must(k => Enum.TryParse<PetitionKind>(k, ignoreCase: false, out _)).When(q => q.Kind is not null)
            .WithMessage($"'kind' must be one of {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
    }
}

internal sealed class PublicPetitionsHandler(IEPeopleDbContext db)
    : IQueryHandler<ListPublicPetitionsQuery, PublicPetitionPage>, IQueryHandler<GetPublicPetitionQuery, PublicPetitionDto>
{
    public async ValueTask<PublicPetitionPage> Handle(ListPublicPetitionsQuery query, CancellationToken cancellationToken)
    {
        var petitions = db.Petitions.AsNoTracking().Where(p => p.IsPublic && p.Status != PetitionStatus.Withdrawn);
        if (query.Kind is not null)
        {
            var kind = Enum.Parse<PetitionKind>(query.Kind);
            petitions = petitions.Where(p => p.Kind == kind);
        }

        foreach (var word in (query.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            petitions = petitions.Where(p => p.Title.Contains(word));
        }

        if (PetitionCursor.TryDecode(query.After, out var filedAt, out var id))
        {
            petitions = petitions.Where(p => p.FiledAt < filedAt || (p.FiledAt == filedAt && p.Id.CompareTo(id) < 0));
        }

        var rows = await petitions.OrderByDescending(p => p.FiledAt).ThenByDescending(p => p.Id).Take(query.Limit + 1)
            .Select(p => new { p.Id, p.ReceiptNumber, p.Kind, p.Subtype, p.Title, p.Status, p.AnsweredAt, p.TransferCount, p.InstitutionCode, p.FiledAt })
            .ToListAsync(cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var names = await InstitutionNamesAsync(page.Select(p => p.InstitutionCode), cancellationToken);
        var next = rows.Count > query.Limit
            ? PetitionCursor.Encode(page[^1].FiledAt, page[^1].Id)
            : null;
        return new PublicPetitionPage([.. page.Select(p => new PublicPetitionSummaryDto(p.Id, p.ReceiptNumber, p.Kind.ToString(), p.Subtype?.ToString(),
            PersonalDataMask.Text(p.Title), p.Status.ToString(), Petition.StageOf(p.Status, p.AnsweredAt, p.TransferCount).ToString(),
            names(p.InstitutionCode), p.FiledAt, p.AnsweredAt))], next);
    }

    public async ValueTask<PublicPetitionDto> Handle(GetPublicPetitionQuery query, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.AsNoTracking().Include(p => p.Events)
                           .SingleOrDefaultAsync(p => p.Id == query.Id && p.IsPublic && p.Status != PetitionStatus.Withdrawn, cancellationToken)
                       ?? throw new NotFoundException("Petition", query.Id);
        var names = await InstitutionNamesAsync(petition.Events.Select(e => e.InstitutionCode).Append(petition.InstitutionCode), cancellationToken);
        string? Published(string? answer) => petition.AnswerIsPublic && answer is not null ? PersonalDataMask.Text(answer) : null;
        return new PublicPetitionDto(petition.Id, petition.ReceiptNumber, petition.Kind.ToString(), petition.Subtype?.ToString(),
            PersonalDataMask.Text(petition.Title), PersonalDataMask.Text(petition.Body), PersonalDataMask.Name(petition.Petitioner.Name),
            petition.Status.ToString(), petition.Stage.ToString(), names(petition.InstitutionCode), petition.FiledAt,
            Published(petition.Answer), petition.AnswerIsPublic ? petition.AnsweredAt : null, Published(petition.AdditionalAnswer),
            [.. petition.Events.OrderBy(e => e.Seq).Select(e => new TimelineEntryDto(e.Seq, e.Stage.ToString(), e.Kind.ToString(), e.At, names(e.InstitutionCode),
                e.NoteIsInternal || e.Note is null ? null : PersonalDataMask.Text(e.Note)))]);
    }

    private async Task<Func<string, InstitutionRefDto>> InstitutionNamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => wanted.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => (i.NameKo, i.NameEn), cancellationToken);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return code => new InstitutionRefDto(code, names.TryGetValue(code, out var n) ? english ? n.NameEn : n.NameKo : code);
    }
}
