using EPeople.Workflows.Ports;
using EPeople.Application.Calendar;
using System.Globalization;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// One petition with its three-step timeline. A citizen sees only their own (another's is "not found", so its
/// existence is not revealed); an official sees petitions that are or were at their institution (403 otherwise),
/// with the petitioner's personal data masked and the read written to the personal-data access log.
/// </summary>
[Authorize(Roles = Roles.Citizen + "," + Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record GetPetitionQuery(Guid Id) : IQuery<PetitionDto>;

internal sealed class GetPetitionQueryHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars) : IQueryHandler<GetPetitionQuery, PetitionDto>
{
    public async ValueTask<PetitionDto> Handle(GetPetitionQuery query, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.AsNoTracking().Include(p => p.Events)
                           .SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
                       ?? throw new NotFoundException("Petition", query.Id);
        var isPetitioner = user.Id == petition.PetitionerId;
        if (!isPetitioner)
        {
            if (!user.IsInRole(Roles.Official) && !user.IsInRole(Roles.InstitutionAdmin))
            {
                throw new NotFoundException("Petition", query.Id);
            }

            var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Code).SingleOrDefaultAsync(cancellationToken);
            if (institution is null || petition.Events.All(e => e.InstitutionCode != institution))
            {
                throw new ForbiddenException("This petition is handled by another institution.");
            }

            // Even masked, the petition is the citizen's personal data: the read is logged.
            db.PersonalDataAccessLog.Add(new PersonalDataAccess(clock.GetUtcNow(), user.Id, user.Name, user.IpAddress, petition.PetitionerId, $"petition:{petition.Id}", "ViewMasked"));
            await db.SaveChangesAsync(cancellationToken);
        }

        var codes = petition.Events.Select(e => e.InstitutionCode).Append(petition.InstitutionCode).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => (i.NameKo, i.NameEn), cancellationToken);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        InstitutionRefDto Ref(string code) => new(code, names.TryGetValue(code, out var n) ? english ? n.NameEn : n.NameKo : code);

        var contact = petition.Petitioner;
        var petitioner = isPetitioner
            ? new PetitionerDto(contact.Name, contact.Phone, contact.Email)
            : petition.IdentityProtected
                ? new PetitionerDto(english ? "(protected reporter)" : "(비공개 신고자)", null, null) // reporter protection: nothing at all
                : new PetitionerDto(PersonalDataMask.Name(contact.Name), PersonalDataMask.Phone(contact.Phone), PersonalDataMask.Email(contact.Email));
        var body = isPetitioner ? petition.Body : PersonalDataMask.Text(petition.Body);
        var title = isPetitioner ? petition.Title : PersonalDataMask.Text(petition.Title);
        return new PetitionDto(
            petition.Id, petition.ReceiptNumber, petition.Kind.ToString(), petition.Subtype?.ToString(), title, body,
            petition.Status.ToString(), petition.Stage.ToString(), Ref(petition.InstitutionCode), petition.Department, petition.FiledAt,
            petition.DueAt, english ? petition.DueExplanationEn : petition.DueExplanationKo, PetitionSla.StateOf(petition, await SlaRule.NowAsync(calendars, clock, cancellationToken)), petition.IsPublic,
            petition.Answer, petition.AnsweredAt, petition.AdditionalAnswer, petition.Rating, petition.CanBeRated(clock.GetUtcNow()),
            petition.ClosureReason, petition.TransferCount, petitioner,
            [.. petition.Events.OrderBy(e => e.Seq).Select(e => new TimelineEntryDto(e.Seq, e.Stage.ToString(), e.Kind.ToString(), e.At, Ref(e.InstitutionCode), isPetitioner && e.NoteIsInternal ? null : e.Note))], isPetitioner,
            petition.Status == PetitionStatus.AwaitingSupplement ? petition.SupplementRequest : null,
            petition.Status == PetitionStatus.AwaitingSupplement ? petition.SupplementDueAt : null);
    }
}
