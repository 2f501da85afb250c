using EPeople.Application.Abstractions;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Routing;

/// <summary>An answered petition as retraining sees it: what it said, and where it was finally answered.</summary>
/// <param name="Institution">The institution that answered it, after any transfers: the right answer to "where should it have gone".</param>
public sealed record AnsweredPetition(string Title, string Body, string Institution, DateOnly Filed)
{
    /// <summary>As an example for a model that reads title and text (the system's own models) or titles alone.</summary>
    public LabelledPetition Example(bool readsBody) => new(readsBody ? $"{Title}\n{Body}" : Title, Institution, Filed);
}

/// <summary>
/// The system's own routing history: petitions answered since a date, labelled by the institution that answered
/// them. Personal data is masked before a model sees it, so no phone number or resident number can become a term.
/// </summary>
public static class RouterHistory
{
    public static async Task<List<AnsweredPetition>> LoadAsync(IEPeopleDbContext db, DateTimeOffset answeredSince, CancellationToken cancellationToken)
    {
        var rows = await db.Petitions.AsNoTracking()
            .Where(p => p.AnsweredAt != null && p.AnsweredAt >= answeredSince && p.Status != PetitionStatus.Withdrawn)
            .Select(p => new { p.Title, p.Body, p.InstitutionCode, p.FiledAt })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.OrderBy(r => r.FiledAt).Select(r => new AnsweredPetition(PersonalDataMask.Text(r.Title), PersonalDataMask.Text(r.Body), r.InstitutionCode,
                DateOnly.FromDateTime(r.FiledAt.ToOffset(EPeople.Workflows.Calendar.BusinessCalendar.KoreaOffset).DateTime))),
        ];
    }
}
