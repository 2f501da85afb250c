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

    /// <summary>
    /// The open task of the institution handling the petition, which case commands (extension, supplement) reschedule.
    /// While cooperating institutions are still giving their opinions the lead has none: 409, ask again when they are in.
    /// </summary>
    public static async Task<string> HandlingTaskIdAsync(this IEPeopleDbContext db, Petition petition, CancellationToken cancellationToken)
    {
        var open = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == petition.WorkflowInstanceId && t.IsOpen)
            .OrderBy(t => t.CreatedAt).Select(t => new { t.Id, t.Kind, t.InstitutionCode }).ToListAsync(cancellationToken);
        return open.FirstOrDefault(t => t.Kind == "Task" && t.InstitutionCode == petition.InstitutionCode)?.Id
               ?? throw (open.Count > 0
                   ? new ConflictException("The petition is with cooperating institutions for their opinions; this can be done when they have answered.", "AwaitingOpinions")
                   : new ConflictException("The petition has no open handling task.", "NoOpenTask"));
    }

    /// <summary>Where the petition stands now, as case commands answer.</summary>
    public static async Task<PetitionFiledDto> ReceiptAsync(this IEPeopleDbContext db, Petition petition, CancellationToken cancellationToken)
    {
        var name = await db.Institutions.Where(i => i.Code == petition.InstitutionCode).Select(i => i.NameKo).SingleAsync(cancellationToken);
        return new PetitionFiledDto(petition.Id, petition.ReceiptNumber, petition.Status.ToString(), petition.Stage.ToString(),
            new InstitutionRefDto(petition.InstitutionCode, name), petition.Department, petition.DueAt, petition.DueExplanationKo, Replayed: false);
    }
}
