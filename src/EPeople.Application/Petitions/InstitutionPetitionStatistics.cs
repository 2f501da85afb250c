using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Errors;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Calendar;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>How one institution handled the petitions it had, and how satisfied their petitioners were.</summary>
/// <param name="OnTimeRate">Answered by the deadline, of all answered (null before the first answer).</param>
/// <param name="Ratings">How many answers were rated 1, 2, 3, 4 and 5.</param>
/// <param name="ReopenRate">Dissatisfied ratings (1–2) that needed an additional answer, of all answered.</param>
public sealed record InstitutionPetitionStatisticsDto(
    string InstitutionCode, DateOnly From, DateOnly To, int Petitions, int Open, int Answered, int AnsweredOnTime, double? OnTimeRate,
    int ClosedWithoutAnswer, int Withdrawn, int Rated, double? AverageRating, IReadOnlyList<int> Ratings, int Dissatisfied, double? ReopenRate);

/// <summary>
/// An institution's petition statistics over the petitions it has (after any transfers) filed between two dates in
/// Korea Standard Time (both included; the last 30 days by default): volumes, answers on time, and the petitioners'
/// ratings. Aggregates only — no personal data — so anyone may read them, as e-People publishes them.
/// </summary>
public sealed record GetInstitutionPetitionStatisticsQuery(string Code, DateOnly? From = null, DateOnly? To = null) : IQuery<InstitutionPetitionStatisticsDto>;

internal sealed class GetInstitutionPetitionStatisticsQueryValidator : AbstractValidator<GetInstitutionPetitionStatisticsQuery>
{
    public GetInstitutionPetitionStatisticsQueryValidator()
    {
        this.DateRange(q => q.From, q => q.To);
    }
}

internal sealed class GetInstitutionPetitionStatisticsQueryHandler(IEPeopleDbContext db, TimeProvider clock)
    : IQueryHandler<GetInstitutionPetitionStatisticsQuery, InstitutionPetitionStatisticsDto>
{
    public async ValueTask<InstitutionPetitionStatisticsDto> Handle(GetInstitutionPetitionStatisticsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Institutions.AnyAsync(i => i.Code == query.Code, cancellationToken))
        {
            throw new NotFoundException("Institution", query.Code);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(BusinessCalendar.KoreaOffset).DateTime);
        var to = query.To ?? today;
        var from = query.From ?? to.AddDays(-29);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), BusinessCalendar.KoreaOffset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessCalendar.KoreaOffset).ToUniversalTime();

        // One aggregate over the (institution_code, filed_at) index range.
        var row = await db.Petitions.AsNoTracking()
            .Where(p => p.InstitutionCode == query.Code && p.FiledAt >= start && p.FiledAt < end)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Petitions = g.Count(),
                Open = g.Count(p => p.Status == PetitionStatus.Received || p.Status == PetitionStatus.InTriage
                                    || p.Status == PetitionStatus.InProgress || p.Status == PetitionStatus.AwaitingSupplement),
                Answered = g.Count(p => p.AnsweredAt != null),
                OnTime = g.Count(p => p.AnsweredAt != null && (p.DueAt == null || p.AnsweredAt <= p.DueAt)),
                Unanswered = g.Count(p => p.AnsweredAt == null && p.Status == PetitionStatus.Closed),
                Withdrawn = g.Count(p => p.Status == PetitionStatus.Withdrawn),
                R1 = g.Count(p => p.Rating == 1),
                R2 = g.Count(p => p.Rating == 2),
                R3 = g.Count(p => p.Rating == 3),
                R4 = g.Count(p => p.Rating == 4),
                R5 = g.Count(p => p.Rating == 5),
                Reopened = g.Count(p => p.AdditionalAnswer != null),
            })
            .SingleOrDefaultAsync(cancellationToken);

        int[] ratings = row is null ? [0, 0, 0, 0, 0] : [row.R1, row.R2, row.R3, row.R4, row.R5];
        var rated = ratings.Sum();
        var answered = row?.Answered ?? 0;
        return new InstitutionPetitionStatisticsDto(query.Code, from, to, row?.Petitions ?? 0, row?.Open ?? 0, answered, row?.OnTime ?? 0,
            answered == 0 ? null : Math.Round((double)row!.OnTime / answered, 4), row?.Unanswered ?? 0, row?.Withdrawn ?? 0, rated,
            rated == 0 ? null : Math.Round(ratings.Select((count, i) => count * (i + 1)).Sum() / (double)rated, 2), ratings,
            ratings[0] + ratings[1], answered == 0 ? null : Math.Round((double)row!.Reopened / answered, 4));
    }
}
