using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>Loading a petition for a command, with the rule of who may act on it, and the short answer commands return.</summary>
internal static class PetitionAccess
{
    /// <summary>The petition with its timeline, for an official of the institution that has it (403 for anyone else).</summary>
    public static async Task<(Petition Petition, string Institution)> LoadAtOfficersInstitutionAsync(
        this IEPeopleDbContext db, ICurrentUser user, Guid id, string action, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                       ?? throw new NotFoundException("Petition", id);
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Code).SingleOrDefaultAsync(cancellationToken);
        return institution == petition.InstitutionCode
            ? (petition, institution)
            : throw new ForbiddenException($"Only the institution that has the petition can {action}.");
    }

    /// <summary>The petitioner's own petition with its timeline (404 for anyone else: another's petition is not revealed).</summary>
    public static async Task<Petition> LoadPetitionersAsync(this IEPeopleDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var petition = await db.Petitions.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return petition is not null && petition.PetitionerId == user.Id ? petition : throw new NotFoundException("Petition", id);
    }

    /// <summary>Where the petition stands now, as case commands answer.</summary>
    public static async Task<PetitionFiledDto> ReceiptAsync(this IEPeopleDbContext db, Petition petition, CancellationToken cancellationToken)
    {
        var name = await db.Institutions.Where(i => i.Code == petition.InstitutionCode).Select(i => i.NameKo).SingleAsync(cancellationToken);
        return new PetitionFiledDto(petition.Id, petition.ReceiptNumber, petition.Status.ToString(), petition.Stage.ToString(),
            new InstitutionRefDto(petition.InstitutionCode, name), petition.Department, petition.DueAt, petition.DueExplanationKo, Replayed: false);
    }
}
