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

internal sealed class CountTasksQueryHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars) : IQueryHandler<CountTasksQuery, TaskCounts>
{
    public async ValueTask<TaskCounts> Handle(CountTasksQuery query, CancellationToken cancellationToken)
    {
        var officer = await db.OfficerAsync(user, cancellationToken);
        var sla = await SlaRule.NowAsync(calendars, clock, cancellationToken);
        var open = db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen).InScope(query.Scope, officer).OfKind(query.Kind);

        // Three range counts over the same index rather than one grouped scan: each reads only its slice of due_at.
        var overdue = await open.InSlaState(SlaRule.Overdue, sla).CountAsync(cancellationToken);
        var atRisk = await open.InSlaState(SlaRule.AtRisk, sla).CountAsync(cancellationToken);
        var onTime = await open.InSlaState(SlaRule.OnTime, sla).CountAsync(cancellationToken);
        return new TaskCounts(onTime, atRisk, overdue);
    }
}
