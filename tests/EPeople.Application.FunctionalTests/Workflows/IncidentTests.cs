using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>The operators' side of the engine: incidents listed, retried and closed; instances cancelled.</summary>
public sealed class IncidentTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    /// <summary>The reference flow with its first task assigned only through a variable.</summary>
    private static readonly WorkflowDefinition Broken = BrokenDefinition();

    private static WorkflowDefinition BrokenDefinition()
    {
        var document = JsonNode.Parse(DefinitionSerializer.Serialize(WorkflowFixture.Reference))!.AsObject();
        document["definitionId"] = "test.assigned-by-variable";
        var handle = document["activities"]!.AsArray().Single(a => (string?)a!["id"] == "handle")!;
        handle["inputs"]!.AsObject().Remove("position");
        return DefinitionSerializer.Deserialize(document.ToJsonString()) with { Version = 1 };
    }

    /// <summary>Starts an instance without the variable its first task is assigned from: the token parks on an incident.</summary>
    private async Task<Guid> StartBrokenInstanceAsync(string correlation)
    {
        if (!await App.QueryDbAsync(db => db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == Broken.DefinitionId)))
        {
            await App.QueryDbAsync(async db =>
            {
                await WorkflowFixture.PublishAsync(db, App.Clock.GetUtcNow(), Broken);
                return 0;
            });
        }

        var id = Guid.NewGuid();
        var started = await App.ExecuteAsync<WorkflowRuntime, CommandResult>(r => r.StartAsync(Broken,
            new StartCommand("start:" + correlation, id, correlation, new JsonObject())));
        started.State.HasIncidents.ShouldBeTrue();
        return id;
    }

    [Test]
    public async Task ShouldListOpenIncidentsNewestFirstWithKeysetPaging()
    {
        var first = await StartBrokenInstanceAsync("p-1");
        var second = await StartBrokenInstanceAsync("p-2");
        var third = await StartBrokenInstanceAsync("p-3");
        App.User.Set("analyst@test", [Roles.Analyst]);

        var page1 = await App.SendAsync(new ListIncidentsQuery(Limit: 2));
        var page2 = await App.SendAsync(new ListIncidentsQuery(Before: page1.Next, Limit: 2));

        page1.Items.Select(i => i.InstanceId).ShouldBe([third, second]);
        page2.Items.Select(i => i.InstanceId).ShouldBe([first]);
        page2.Next.ShouldBeNull();
        page1.Items[0].NodeId.ShouldBe("handle");
        page1.Items[0].DefinitionId.ShouldBe(Broken.DefinitionId);
        page1.Items[0].Message.ShouldNotBeNullOrWhiteSpace();
        (await App.SendAsync(new ListIncidentsQuery(Open: false))).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldResolveTheIncidentARetryAnswersAndRecordANewOneWhenTheCauseRemains()
    {
        var instance = await StartBrokenInstanceAsync("p-1");
        App.User.Set("admin@test", [Roles.SystemAdmin]);
        var incident = (await App.SendAsync(new ListIncidentsQuery())).Items.Single();

        var retried = await App.SendAsync(new RetryIncidentRequest(incident.Id, "op-1"));
        var replayed = await App.SendAsync(new RetryIncidentRequest(incident.Id, "op-1"));

        retried.Outcome.ShouldBe(nameof(CommandOutcome.Applied));
        retried.HasIncidents.ShouldBeTrue(); // the cause (no institution to assign to) is still there
        replayed.Outcome.ShouldBe(nameof(CommandOutcome.AlreadyHandled));
        var open = (await App.SendAsync(new ListIncidentsQuery())).Items.ShouldHaveSingleItem();
        open.Id.ShouldNotBe(incident.Id);
        (await App.SendAsync(new ListIncidentsQuery(Open: false))).Items.ShouldHaveSingleItem().Id.ShouldBe(incident.Id);
        (await App.QueryDbAsync(db => db.WorkflowHistory.CountAsync(h => h.InstanceId == instance && h.Event == "IncidentRetried"))).ShouldBe(1);

        // A resolved incident cannot be retried again with a new operation.
        var conflict = await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new RetryIncidentRequest(incident.Id, "op-2")));
        conflict.Rule.ShouldBe("IncidentResolved");
    }

    [Test]
    public async Task ShouldCancelAnInstanceClosingItsIncidentsAndRefuseASecondCancellation()
    {
        var instance = await StartBrokenInstanceAsync("p-1");
        App.User.Set("admin@test", [Roles.SystemAdmin]);

        var cancelled = await App.SendAsync(new CancelInstanceRequest(instance, "Filed by mistake", "op-1"));

        cancelled.InstanceStatus.ShouldBe(nameof(InstanceStatus.Cancelled));
        (await App.SendAsync(new ListIncidentsQuery())).Items.ShouldBeEmpty();
        (await App.SendAsync(new CancelInstanceRequest(instance, "Filed by mistake", "op-1"))).Outcome.ShouldBe(nameof(CommandOutcome.AlreadyHandled));
        (await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new CancelInstanceRequest(instance, "again", "op-2")))).Rule.ShouldBe("InstanceNotRunning");
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new CancelInstanceRequest(Guid.NewGuid(), "x", "op-3")));
    }

    [Test]
    public async Task ShouldLetOnlySystemAdministratorsActAndRequireAReasonAndAnOperationId()
    {
        var instance = await StartBrokenInstanceAsync("p-1");

        App.User.Set("analyst@test", [Roles.Analyst]);
        var incident = (await App.SendAsync(new ListIncidentsQuery())).Items.Single();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new RetryIncidentRequest(incident.Id, "op-1")));
        App.User.Set("officer@test", [Roles.Official]);
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListIncidentsQuery()));

        App.User.Set("admin@test", [Roles.SystemAdmin]);
        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new CancelInstanceRequest(instance, "", null)));
        invalid.Errors.Keys.ShouldBe(["reason", "operationId"], ignoreOrder: true);
    }
}
