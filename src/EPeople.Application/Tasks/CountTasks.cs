using EPeople.Application.Institutions;
using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Ports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>How many open tasks a worklist holds in each SLA state: the badges beside its filters.</summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record CountTasksQuery(TaskScope Scope = TaskScope.Institution, PetitionKind? Kind = null) : IQuery<TaskCounts>;

/// <summary>Open tasks by SLA state; <see cref="All"/> is their sum.</summary>
public sealed record TaskCounts(int OnTime, int AtRisk, int Overdue)
{
    public int All => OnTime + AtRisk + Overdue;
}

internal sealed class CountTasksQueryValidator : AbstractValidator<CountTasksQuery>
{
    public CountTasksQueryValidator() => RuleFor(q => q.Kind).IsInEnum();
}

internal sealed class CountTasksQueryHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars, InstitutionDirectory directory) : IQueryHandler<CountTasksQuery, TaskCounts>
{
    public async ValueTask<TaskCounts> Handle(CountTasksQuery query, CancellationToken cancellationToken)
    {
        var officer = await directory.OfficerAsync(user, cancellationToken);
        var sla = await SlaRule.NowAsync(calendars, clock, cancellationToken);
        var open = db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen).InScope(query.Scope, officer).OfKind(query.Kind);

        // One round trip over the scope's index range, each state a conditional count (the same boundaries as SlaRule).
        var now = sla.Now;
        var atRiskUntil = sla.AtRiskUntil;
        var counts = await open.GroupBy(_ => 1).Select(g => new
        {
            Overdue = g.Count(t => t.DueAt < now),
            AtRisk = g.Count(t => t.DueAt >= now && t.DueAt <= atRiskUntil),
            OnTime = g.Count(t => t.DueAt > atRiskUntil),
        }).SingleOrDefaultAsync(cancellationToken);
        return counts is null ? new TaskCounts(0, 0, 0) : new TaskCounts(counts.OnTime, counts.AtRisk, counts.Overdue);
    }
}
