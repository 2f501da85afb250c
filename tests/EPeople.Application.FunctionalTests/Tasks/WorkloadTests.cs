using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Application.Workflows;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Tasks;

/// <summary>The institution administrator's workload view: open tasks per department and official by SLA state, on SQLite and PostgreSQL.</summary>
public sealed class WorkloadTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";

    // The test clock starts on Monday 2026-11-02 09:30 KST; the next working day begins on Tuesday 00:00 KST.
    private static readonly TimeSpan Overdue = TimeSpan.FromHours(-1);
    private static readonly TimeSpan AtRisk = TimeSpan.FromHours(3);
    private static readonly TimeSpan OnTime = TimeSpan.FromDays(3);

    private DepartmentDto _roads = default!;
    private DepartmentDto _welfare = default!;
    private DepartmentDto _idle = default!;

    [SetUp]
    public async Task CreateDepartmentsAndOfficials()
    {
        App.RunAsSystemAdmin();
        _roads = await App.SendAsync(new AddDepartmentCommand(Seoul, "도로관리과", "Road Management Division"));
        _welfare = await App.SendAsync(new AddDepartmentCommand(Seoul, "복지정책과", "Welfare Policy Division"));
        _idle = await App.SendAsync(new AddDepartmentCommand(Seoul, "한가한과", "Quiet Division"));
        await App.CreateAccountAsync("officer.roads@test", Roles.Official, Seoul, _roads.Id, Position.Officer, "이서연");
        await App.CreateAccountAsync("head.roads@test", Roles.Official, Seoul, _roads.Id, Position.DepartmentHead, "박도윤");
        await App.CreateAccountAsync("officer.welfare@test", Roles.Official, Seoul, _welfare.Id, Position.Officer, "최지우");
    }

    private async Task AddTaskAsync(string institution, string? department, TimeSpan? dueIn, string? assignee = null, string? claimedBy = null, bool open = true)
    {
        var now = App.Clock.GetUtcNow();
        await App.QueryDbAsync(async db =>
        {
            db.WorkflowTasks.Add(new WorkflowTaskRecord
            {
                Id = "task-" + Guid.NewGuid().ToString("N"),
                InstanceId = Guid.NewGuid(),
                CorrelationId = Guid.NewGuid().ToString(),
                NodeId = "handle",
                Title = "보도블록 파손 신고",
                InstitutionCode = institution,
                Department = department,
                Assignee = assignee,
                ClaimedBy = claimedBy,
                IsOpen = open,
                Status = claimedBy is null ? "Available" : "Claimed",
                DueAt = dueIn is { } d ? now + d : WorkflowTaskRecord.NoDueDate,
                CreatedAt = now,
            });
            return await db.SaveChangesAsync();
        });
    }

    [Test]
    public async Task ShouldCountOpenTasksPerDepartmentAndOfficialBySlaState()
    {
        await AddTaskAsync(Seoul, "도로관리과", Overdue, claimedBy: "officer.roads@test");
        await AddTaskAsync(Seoul, "도로관리과", Overdue, assignee: "officer.roads@test", claimedBy: "officer.roads@test");
        await AddTaskAsync(Seoul, "도로관리과", AtRisk);
        await AddTaskAsync(Seoul, "도로관리과", OnTime, assignee: "head.roads@test");
        await AddTaskAsync(Seoul, "복지정책과", null); // paused for a supplement: no due date, so on time
        await AddTaskAsync(Seoul, "복지정책과", AtRisk, assignee: "officer.roads@test", claimedBy: "someone.moved@test");
        await AddTaskAsync(Seoul, null, Overdue); // addressed to the whole institution
        await AddTaskAsync(Seoul, "도로관리과", Overdue, claimedBy: "officer.roads@test", open: false);
        await AddTaskAsync(Busan, "도로관리과", Overdue);
        await App.RunAsInstitutionAdminAsync(Seoul);

        var workload = await App.SendAsync(new GetWorkloadQuery(Seoul));

        workload.InstitutionCode.ShouldBe(Seoul);
        workload.Total.ShouldBe(new WorkloadCounts(OnTime: 2, AtRisk: 2, Overdue: 3, Unassigned: 3));
        workload.Total.Open.ShouldBe(7);
        workload.Departments.Select(d => (d.NameKo, d.Counts)).ShouldBe([
            ("도로관리과", new WorkloadCounts(1, 1, 2, 1)),
            ("복지정책과", new WorkloadCounts(1, 1, 0, 1)),
            ("한가한과", new WorkloadCounts(0, 0, 0, 0)),
            (null, new WorkloadCounts(0, 0, 1, 1)),
        ]);
        workload.Departments[0].DepartmentId.ShouldBe(_roads.Id);
        workload.Departments[0].NameEn.ShouldBe("Road Management Division");
        workload.Departments[2].DepartmentId.ShouldBe(_idle.Id);

        // Whoever claimed a task has it, else its assignee; the one who moved away still shows, by account name.
        workload.Officials.Select(o => (o.Official, o.DisplayName, o.Counts)).ShouldBe([
            ("officer.roads@test", "이서연", new WorkloadCounts(0, 0, 2, 0)),
            ("someone.moved@test", null, new WorkloadCounts(0, 1, 0, 0)),
            ("head.roads@test", "박도윤", new WorkloadCounts(1, 0, 0, 0)),
            ("officer.welfare@test", "최지우", new WorkloadCounts(0, 0, 0, 0)),
        ]);
    }

    [Test]
    public async Task ShouldShowAnEmptyInstitutionWithZeros()
    {
        await App.RunAsInstitutionAdminAsync(Busan);

        var workload = await App.SendAsync(new GetWorkloadQuery(Busan));

        workload.Total.ShouldBe(new WorkloadCounts(0, 0, 0, 0));
        workload.Departments.ShouldBeEmpty();
        workload.Officials.ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldForbidOtherInstitutionsAndOfficialsAndAnswerNotFoundForAnUnknownCode()
    {
        await App.RunAsInstitutionAdminAsync(Busan);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetWorkloadQuery(Seoul)));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetWorkloadQuery("1234567")));

        App.User.Set("officer.roads@test", [Roles.Official], await App.InstitutionIdAsync(Seoul), _roads.Id, "Officer");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetWorkloadQuery(Seoul)));

        App.RunAsSystemAdmin();
        (await App.SendAsync(new GetWorkloadQuery(Seoul))).Departments.Count.ShouldBe(3);
    }
}
