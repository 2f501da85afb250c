using EPeople.Application.Abstractions;
using EPeople.Application.Calendar;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>
/// An institution's open tasks per department and per official, by SLA state, with how many nobody has taken yet: the
/// institution administrator's workload view. Counted in the database (two GROUP BY queries over the worklist index).
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record GetWorkloadQuery(string InstitutionCode) : IQuery<WorkloadDto>;

/// <summary>Open tasks by SLA state; <see cref="Unassigned"/> counts those among them that nobody has (assigned or claimed).</summary>
public sealed record WorkloadCounts(int OnTime, int AtRisk, int Overdue, int Unassigned)
{
    public int Open => OnTime + AtRisk + Overdue;
}

/// <summary>A department's open tasks; <see cref="DepartmentId"/> is null for tasks addressed to the whole institution
/// (no department) or to a department name the institution no longer has.</summary>
public sealed record DepartmentWorkloadDto(Guid? DepartmentId, string? NameKo, string? NameEn, WorkloadCounts Counts);

/// <summary>The open tasks an official has (claimed, or assigned and not yet claimed). <see cref="Official"/> is the account
/// name the tasks carry; <see cref="DisplayName"/> is null when it is not one of the institution's officials now.</summary>
public sealed record OfficialWorkloadDto(string Official, string? DisplayName, Guid? OfficialId, WorkloadCounts Counts);

public sealed record WorkloadDto(
    string InstitutionCode,
    DateTimeOffset At,
    WorkloadCounts Total,
    IReadOnlyList<DepartmentWorkloadDto> Departments,
    IReadOnlyList<OfficialWorkloadDto> Officials);

internal sealed class GetWorkloadQueryHandler(
    IEPeopleDbContext db, IAccountService accounts, ICurrentUser user, TimeProvider clock, IBusinessCalendarProvider calendars)
    : IQueryHandler<GetWorkloadQuery, WorkloadDto>
{
    private sealed record Row(string? Key, int OnTime, int AtRisk, int Overdue, int Unassigned)
    {
        public WorkloadCounts Counts => new(OnTime, AtRisk, Overdue, Unassigned);
    }

    public async ValueTask<WorkloadDto> Handle(GetWorkloadQuery query, CancellationToken cancellationToken)
    {
        var institution = await db.LoadAggregateAsync(query.InstitutionCode, cancellationToken);
        user.EnsureCanManage(institution);
        var sla = await SlaRule.NowAsync(calendars, clock, cancellationToken);
        var open = db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen && t.InstitutionCode == institution.Code);

        var byDepartment = await CountAsync(open.GroupBy(t => t.Department), sla, cancellationToken);
        var byOfficial = await CountAsync(
            open.Where(t => t.ClaimedBy != null || t.Assignee != null).GroupBy(t => t.ClaimedBy ?? t.Assignee), sla, cancellationToken);

        var departments = institution.Departments.ToDictionary(d => d.NameKo, StringComparer.Ordinal);
        var departmentRows = byDepartment
            .Select(r => r.Key is not null && departments.TryGetValue(r.Key, out var d)
                ? new DepartmentWorkloadDto(d.Id, d.NameKo, d.NameEn, r.Counts)
                : new DepartmentWorkloadDto(null, r.Key, r.Key, r.Counts))
            .ToList();
        // Every active department appears, idle ones with zeros, so the view also shows who has room.
        departmentRows.AddRange(institution.Departments
            .Where(d => d.IsActive && !byDepartment.Any(r => r.Key == d.NameKo))
            .Select(d => new DepartmentWorkloadDto(d.Id, d.NameKo, d.NameEn, new WorkloadCounts(0, 0, 0, 0))));

        var officials = await accounts.ListOfficialsAsync(institution.Id, cancellationToken);
        var byName = officials.ToDictionary(o => o.Email, StringComparer.OrdinalIgnoreCase);
        var officialRows = byOfficial
            .Select(r => byName.TryGetValue(r.Key!, out var o)
                ? new OfficialWorkloadDto(r.Key!, o.DisplayName, o.Id, r.Counts)
                : new OfficialWorkloadDto(r.Key!, null, null, r.Counts))
            .ToList();
        officialRows.AddRange(officials
            .Where(o => !byOfficial.Any(r => string.Equals(r.Key, o.Email, StringComparison.OrdinalIgnoreCase)))
            .Select(o => new OfficialWorkloadDto(o.Email, o.DisplayName, o.Id, new WorkloadCounts(0, 0, 0, 0))));

        var total = new WorkloadCounts(
            byDepartment.Sum(r => r.OnTime), byDepartment.Sum(r => r.AtRisk), byDepartment.Sum(r => r.Overdue), byDepartment.Sum(r => r.Unassigned));
        return new WorkloadDto(
            institution.Code,
            sla.Now,
            total,
            [.. departmentRows.OrderBy(r => r.DepartmentId is null).ThenBy(r => r.NameKo, StringComparer.Ordinal)],
            [.. officialRows.OrderByDescending(r => r.Counts.Open).ThenBy(r => r.DisplayName ?? r.Official, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// One grouped scan with a conditional count per SLA state (the same boundaries as <see cref="WorklistFilter.InSlaState"/>:
    /// a task without a due date is stored as due at the end of time, so it counts as on time, as <see cref="SlaRule.StateOf"/> says).
    /// </summary>
    private static async Task<List<Row>> CountAsync(
        IQueryable<IGrouping<string?, WorkflowTaskRecord>> groups, SlaRule sla, CancellationToken cancellationToken)
    {
        var now = sla.Now;
        var atRiskUntil = sla.AtRiskUntil;
        return await groups
            .Select(g => new Row(
                g.Key,
                g.Count(t => t.DueAt > atRiskUntil || t.DueAt == null),
                g.Count(t => t.DueAt >= now && t.DueAt <= atRiskUntil),
                g.Count(t => t.DueAt < now),
                g.Count(t => t.ClaimedBy == null && t.Assignee == null)))
            .ToListAsync(cancellationToken);
    }
}
