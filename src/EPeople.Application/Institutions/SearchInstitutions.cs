using EPeople.Application.Abstractions;
using EPeople.Domain.Institutions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

/// <summary>
/// The public directory: search by Korean or English name or code, filter by kind, ordered by code and
/// keyset-paged (the index is (kind, code) / code; no OFFSET). Inactive institutions are listed only when asked.
/// </summary>
public sealed record SearchInstitutionsQuery(
    string? Search = null,
    string? Kind = null,
    string? After = null,
    int Limit = SearchInstitutionsQuery.DefaultLimit,
    bool IncludeInactive = false,
    string? ParentCode = null) : IQuery<InstitutionPage>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

internal sealed class SearchInstitutionsQueryValidator : AbstractValidator<SearchInstitutionsQuery>
{
    public SearchInstitutionsQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Kind)
            .Must(k => Enum.TryParse<InstitutionKind>(k, ignoreCase: true, out _))
            .When(q => !string.IsNullOrEmpty(q.Kind))
            .WithMessage($"Kind must be one of: {string.Join(", ", Enum.GetNames<InstitutionKind>())}.");
        RuleFor(q => q.After)
            .Must(a => InstitutionCursor.TryDecode(a, out _))
            .When(q => !string.IsNullOrEmpty(q.After))
            .WithMessage("'after' must be the 'next' value of a previous page.");
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchInstitutionsQuery.MaxLimit);
        RuleFor(q => q.ParentCode).Must(InstitutionCode.IsValid)
            .When(q => !string.IsNullOrEmpty(q.ParentCode))
            .WithMessage("The parent code must be 7 digits.");
    }
}

internal sealed class SearchInstitutionsQueryHandler(IEPeopleDbContext db) : IQueryHandler<SearchInstitutionsQuery, InstitutionPage>
{
    public async ValueTask<InstitutionPage> Handle(SearchInstitutionsQuery query, CancellationToken cancellationToken)
    {
        var institutions = db.Institutions.AsNoTracking();
        if (!query.IncludeInactive)
        {
            institutions = institutions.Where(i => i.IsActive);
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            var kind = Enum.Parse<InstitutionKind>(query.Kind, ignoreCase: true);
            institutions = institutions.Where(i => i.Kind == kind);
        }

        if (!string.IsNullOrEmpty(query.ParentCode))
        {
            var parentCode = query.ParentCode;
            institutions = institutions.Where(i => db.Institutions.Any(p => p.Id == i.ParentId && p.Code == parentCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim().ToLowerInvariant()) + "%";
            institutions = institutions.Where(i => EF.Functions.Like(i.SearchKey, pattern, "\\"));
        }

        if (InstitutionCursor.TryDecode(query.After, out var afterCode))
        {
            institutions = institutions.Where(i => i.Code.CompareTo(afterCode) > 0);
        }

        var rows = await institutions
            .OrderBy(i => i.Code)
            .Take(query.Limit + 1)
            .Select(i => new
            {
                Institution = i,
                ParentCode = db.Institutions.Where(p => p.Id == i.ParentId).Select(p => p.Code).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var page = rows.Take(query.Limit).Select(r => r.Institution.ToSummary(r.ParentCode)).ToList();
        var next = rows.Count > query.Limit ? InstitutionCursor.Encode(page[^1].Code) : null;
        return new InstitutionPage(page, next);
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
