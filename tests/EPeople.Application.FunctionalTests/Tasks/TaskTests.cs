using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.FunctionalTests.Workflows;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Tasks;

public sealed class TaskTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<TaskSummaryDto> StartPetitionAsync(string correlation = "petition-1")
    {
        if (!await App.QueryDbAsync(db => db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == WorkflowFixture.Reference.DefinitionId)))
        {
            await App.QueryDbAsync(async db =>
            {
                await WorkflowFixture.PublishAsync(db, App.Clock.GetUtcNow());
                return 0;
            });
        }

        await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(WorkflowFixture.Reference,
            new StartCommand("start:" + correlation, Guid.NewGuid(), correlation, new JsonObject { ["leadInstitution"] = "6110000" })));
        await RunAsSeoulOfficerAsync();
        return (await App.SendAsync(new ListTasksQuery())).Items.Single(t => t.CorrelationId == correlation);
    }

    private async Task RunAsSeoulOfficerAsync(string name = "officer.seoul@test", string position = "Officer") =>
        App.User.Set(name, [Roles.Official], await App.InstitutionIdAsync("6110000"), position: position);

    [Test]
    public async Task ShouldListTheInstitutionsOpenTasksMostUrgentFirstWithKeysetPaging()
    {
        for (var i = 0; i < 3; i++)
        {
            await StartPetitionAsync($"petition-{i}");
            App.Clock.Advance(TimeSpan.FromDays(1));
        }

        var first = await App.SendAsync(new ListTasksQuery(Limit: 2));
        var second = await App.SendAsync(new ListTasksQuery(After: first.Next, Limit: 2));

        first.Items.Count.ShouldBe(2);
        second.Items.Count.ShouldBe(1);
        second.Next.ShouldBeNull();
        var all = first.Items.Concat(second.Items).ToList();
        all.Select(t => t.CorrelationId).Order().ShouldBe(["petition-0", "petition-1", "petition-2"]);
        all.ShouldBe(all.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList()); // due date first, then id
        first.Items[0].SlaState.ShouldBe("OnTime");
        first.Items[0].Actions.ShouldContain("Answer");
    }

    [Test]
    public async Task ShouldHideTasksOfOtherInstitutions()
    {
        await StartPetitionAsync();

        App.User.Set("officer.busan@test", [Roles.Official], await App.InstitutionIdAsync("6260000"));
        (await App.SendAsync(new ListTasksQuery())).Items.ShouldBeEmpty();

        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListTasksQuery()));
    }

    [Test]
    public async Task ShouldClaimReleaseAndRefuseAStaleRevision()
    {
        var task = await StartPetitionAsync();

        var claimed = await App.SendAsync(new ClaimTaskCommand(task.Id, task.Revision));
        claimed.ClaimedBy.ShouldBe("officer.seoul@test");
        claimed.Revision.ShouldBe(task.Revision + 1);
        (await App.SendAsync(new ListTasksQuery(TaskScope.Mine))).Items.ShouldHaveSingleItem();

        await RunAsSeoulOfficerAsync("other.officer@test");
        var stale = await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new ClaimTaskCommand(task.Id, task.Revision)));
        stale.Message.ShouldContain("claimed by officer.seoul@test");

        await RunAsSeoulOfficerAsync();
        (await App.SendAsync(new ReleaseTaskCommand(task.Id, claimed.Revision))).ClaimedBy.ShouldBeNull();
    }

    [Test]
    public async Task ShouldLetOnlyADepartmentHeadReassign()
    {
        var task = await StartPetitionAsync();

        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ReassignTaskCommand(task.Id, task.Revision, "someone@test")));

        await RunAsSeoulOfficerAsync("head.seoul@test", "DepartmentHead");
        (await App.SendAsync(new ReassignTaskCommand(task.Id, task.Revision, "someone@test"))).Assignee.ShouldBe("someone@test");
    }

    [Test]
    public async Task ShouldListMyTasksAssignedOrClaimedOnceEachMostUrgentFirst()
    {
        var assignedOnly = await StartPetitionAsync("petition-a");
        App.Clock.Advance(TimeSpan.FromHours(1));
        var assignedAndClaimed = await StartPetitionAsync("petition-b");
        App.Clock.Advance(TimeSpan.FromHours(1));
        var claimedOnly = await StartPetitionAsync("petition-c");
        App.Clock.Advance(TimeSpan.FromHours(1));
        await StartPetitionAsync("petition-d"); // nobody's yet

        await RunAsSeoulOfficerAsync("head.seoul@test", "DepartmentHead");
        await App.SendAsync(new ReassignTaskCommand(assignedOnly.Id, assignedOnly.Revision, "officer.seoul@test"));
        var reassigned = await App.SendAsync(new ReassignTaskCommand(assignedAndClaimed.Id, assignedAndClaimed.Revision, "officer.seoul@test"));
        await RunAsSeoulOfficerAsync();
        await App.SendAsync(new ClaimTaskCommand(reassigned.Id, reassigned.Revision));
        await App.SendAsync(new ClaimTaskCommand(claimedOnly.Id, claimedOnly.Revision));

        var first = await App.SendAsync(new ListTasksQuery(TaskScope.Mine, Limit: 2));
        var second = await App.SendAsync(new ListTasksQuery(TaskScope.Mine, After: first.Next, Limit: 2));

        var mine = first.Items.Concat(second.Items).ToList();
        mine.Select(t => t.CorrelationId).Order().ShouldBe(["petition-a", "petition-b", "petition-c"]); // b is both: listed once
        mine.ShouldBe(mine.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList());
        second.Next.ShouldBeNull();
        (await App.SendAsync(new CountTasksQuery(TaskScope.Mine))).All.ShouldBe(3);
    }

    [Test]
    public async Task ShouldCompleteOnceAndReturnTheSameResultForTheSameOperation()
    {
        var task = await StartPetitionAsync();

        var done = await App.SendAsync(new CompleteTaskCommand(task.Id, "Answer", new JsonObject { ["answer"] = "답변" }, task.Revision, "click-1"));
        var replay = await App.SendAsync(new CompleteTaskCommand(task.Id, "Answer", new JsonObject { ["answer"] = "답변" }, task.Revision, "click-1"));

        done.Replayed.ShouldBeFalse();
        done.InstanceStatus.ShouldBe("Active");
        replay.Replayed.ShouldBeTrue();
        (await App.QueryDbAsync(db => db.WorkflowHistory.CountAsync(h => h.Event == "TaskCompleted"))).ShouldBe(1);

        var other = await Should.ThrowAsync<ConflictException>(() =>
            App.SendAsync(new CompleteTaskCommand(task.Id, "Transfer", null, task.Revision, "click-2")));
        other.Message.ShouldContain("already closed");
    }

    [Test]
    public async Task ShouldRejectAnActionTheTaskDoesNotOffer()
    {
        var task = await StartPetitionAsync();

        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new CompleteTaskCommand(task.Id, "Approve", null, task.Revision, "x")));

        ex.Errors.Keys.ShouldBe(["action"]);
        (await App.QueryDbAsync(db => db.WorkflowTasks.SingleAsync(t => t.Id == task.Id))).IsOpen.ShouldBeTrue();
    }

    [Test]
    public async Task ShouldRefuseToCompleteAnotherInstitutionsTask()
    {
        var task = await StartPetitionAsync();

        App.User.Set("officer.busan@test", [Roles.Official], await App.InstitutionIdAsync("6260000"));

        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new CompleteTaskCommand(task.Id, "Answer", null, task.Revision, "y")));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new CompleteTaskCommand("nope", "Answer", null, 1, "z")));
    }
}
