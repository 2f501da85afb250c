using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Security;
using EPeople.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>One task as its page shows it, for officials of the institution it belongs to (403 for others, 404 when unknown).</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record GetTaskQuery(string TaskId) : IQuery<TaskSummaryDto>;

internal sealed class GetTaskQueryHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars)
    : IQueryHandler<GetTaskQuery, TaskSummaryDto>
{
    public async ValueTask<TaskSummaryDto> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        var officer = await db.OfficerAsync(user, cancellationToken);
        var task = await db.LoadTaskAsync(query.TaskId, officer, cancellationToken);
        var summary = task.ToSummary(await SlaRule.NowAsync(calendars, clock, cancellationToken));
        var petition = await db.Petitions.AsNoTracking().Where(p => p.WorkflowInstanceId == task.InstanceId)
            .Select(p => new { p.Id, p.Kind }).SingleOrDefaultAsync(cancellationToken);
        return petition is null ? summary : summary with { PetitionId = petition.Id, Kind = petition.Kind.ToString() };
    }
}
