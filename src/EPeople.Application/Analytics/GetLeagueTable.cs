using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics;

public enum LeagueSort
{
    Petitions,
    OnTimeRate,
    AverageProcessingDays,
    AverageRating,
    ReopenRate,
}

/// <summary>One institution's line of the league table.</summary>
/// <param name="Petitions">Petitions filed in the range that the institution has now (after any transfers).</param>
/// <param name="OnTimeRate">Answered by the due date, of all answered (null before the first answer).</param>
/// <param name="AverageProcessingDays">Filing to answer, in days, over the answered ones.</param>
/// <param name="AverageRating">The petitioners' satisfaction, 1 to 5, over the rated answers.</param>
/// <param name="Reopened">Answered petitions that needed an additional answer after a dissatisfied rating (1–2) and got it.</param>
/// <param name="ReopenRate">Reopened, of all answered.</param>
public sealed record LeagueTableRowDto(
    string InstitutionCode, string? NameKo, string? NameEn, int Petitions, int Answered, int AnsweredOnTime, double? OnTimeRate,
    double? AverageProcessingDays, int Rated, double? AverageRating, int Reopened, double? ReopenRate);

/// <param name="Institutions">Institutions with petitions in the range (the rows may be fewer: see the query's Take).</param>
public sealed record LeagueTableDto(DateOnly From, DateOnly To, LeagueSort Sort, bool Descending, int Institutions, IReadOnlyList<LeagueTableRowDto> Rows);

/// <summary>
/// The per-institution league table over the petitions filed between two dates (KST, both included; the last 365 days
/// by default): one grouped SQL aggregate over the filed_at index range, then sorted (rates without a value last).
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record GetLeagueTableQuery(
    DateOnly? From = null, DateOnly? To = null, LeagueSort Sort = LeagueSort.Petitions, bool Descending = true, int Take = 100)
    : IQuery<LeagueTableDto>;

internal sealed class GetLeagueTableQueryValidator : AbstractValidator<GetLeagueTableQuery>
{
    public GetLeagueTableQueryValidator()
    {
        this.DateRange(q => q.From, q => q.To);
        RuleFor(q => q.Take).InclusiveBetween(1, 5000).WithMessage("Show from 1 to 5,000 institutions.");
        RuleFor(q => q.Sort).IsInEnum();
    }
}

internal sealed class GetLeagueTableQueryHandler(IEPeopleDbContext db, IDailyCountStore store, TimeProvider clock) : IQueryHandler<GetLeagueTableQuery, LeagueTableDto>
{
    public async ValueTask<LeagueTableDto> Handle(GetLeagueTableQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = AnalyticsDays.Range(query.From, query.To, clock, 365);
        var rows = await store.LeagueAsync(AnalyticsDays.StartOf(from), AnalyticsDays.StartOf(to.AddDays(1)), cancellationToken);
        var lines = rows.Select(r => new LeagueTableRowDto(r.InstitutionCode, null, null, r.Petitions, r.Answered, r.AnsweredOnTime,
            Rate(r.AnsweredOnTime, r.Answered), r.AverageProcessingDays is { } d ? Math.Round(d, 2) : null, r.Rated,
            r.AverageRating is { } a ? Math.Round(a, 2) : null, r.Reopened, Rate(r.Reopened, r.Answered))).ToList();

        Func<LeagueTableRowDto, double?> key = query.Sort switch
        {
            LeagueSort.OnTimeRate => r => r.OnTimeRate,
            LeagueSort.AverageProcessingDays => r => r.AverageProcessingDays,
            LeagueSort.AverageRating => r => r.AverageRating,
            LeagueSort.ReopenRate => r => r.ReopenRate,
            _ => r => r.Petitions,
        };
        var ordered = (query.Descending
                ? lines.OrderBy(r => key(r) is null).ThenByDescending(key)
                : lines.OrderBy(r => key(r) is null).ThenBy(key))
            .ThenBy(r => r.InstitutionCode, StringComparer.Ordinal)
            .Take(query.Take)
            .ToList();

        var codes = ordered.Select(r => r.InstitutionCode).ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => (i.NameKo, i.NameEn), cancellationToken);
        return new LeagueTableDto(from, to, query.Sort, query.Descending, lines.Count,
            [.. ordered.Select(r => names.TryGetValue(r.InstitutionCode, out var n) ? r with { NameKo = n.NameKo, NameEn = n.NameEn } : r)]);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
