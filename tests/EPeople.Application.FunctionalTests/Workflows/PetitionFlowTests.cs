using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Workflows;

/// <summary>The instance viewer's data: the definition version a petition runs on, the path taken, where it waits, its open tasks.</summary>
public sealed class PetitionFlowTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Transport = "1613000";

    private async Task RunAsOfficerOfAsync(string institution) =>
        App.User.Set($"officer.{institution}@test", [Roles.Official], await App.InstitutionIdAsync(institution), position: "Officer");

    [Test]
    public async Task ShouldDrawThePathTakenAndWhereThePetitionWaits()
    {
        App.User.Set("citizen@test", [Roles.Citizen]);
        var filed = await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", "보도블록 파손 신고",
            "집 앞 보도블록이 깨져서 어르신들이 넘어질 위험이 큽니다. 빠른 보수를 부탁드립니다.", Seoul, null, false, null, null, true));
        await RunAsOfficerOfAsync(Seoul);
        var task = (await App.SendAsync(new ListTasksQuery())).Items.Single(t => t.CorrelationId == filed.Id.ToString());
        await App.SendAsync(new CompleteTaskCommand(task.Id, "Transfer", new JsonObject { ["institutionCode"] = Transport, ["reason"] = "국도 관리 소관" }, task.Revision, "op-1"));

        await RunAsOfficerOfAsync(Transport);
        var flow = await App.SendAsync(new GetPetitionFlowQuery(filed.Id));

        (flow.DefinitionId, flow.Version, flow.Status).ShouldBe(("petition.civil", 1, "Active"));
        flow.Nodes.Single(n => n.Id == "receive").Visited.ShouldBeTrue();
        var handle = flow.Nodes.Single(n => n.Id == "handle");
        (handle.Visited, handle.Current).ShouldBe((true, true)); // back at the handling task, now the ministry's
        flow.Nodes.Single(n => n.Id == "moveInstitution").Visited.ShouldBeTrue();
        flow.Nodes.Single(n => n.Id == "feedback").Visited.ShouldBeFalse();
        flow.Wires.Single(w => w.From == "receive" && w.To == "handle").Taken.ShouldBeTrue();
        flow.Wires.Single(w => w.From == "handle" && w.Port == "Transfer").Taken.ShouldBeTrue();
        flow.Wires.Single(w => w.From == "handle" && w.Port == "Answer").Taken.ShouldBeFalse();
        var open = flow.OpenTasks.ShouldHaveSingleItem();
        (open.NodeId, open.InstitutionCode, open.SlaState).ShouldBe(("handle", Transport, "OnTime"));
        flow.Nodes.Select(n => (n.X, n.Y)).Distinct().Count().ShouldBe(flow.Nodes.Count); // laid out, no two on one spot

        await RunAsOfficerOfAsync(Seoul); // the petition has left Seoul
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetPetitionFlowQuery(filed.Id)));
        App.User.Set("analyst@test", [Roles.Analyst]);
        (await App.SendAsync(new GetPetitionFlowQuery(filed.Id))).Nodes.Count.ShouldBe(flow.Nodes.Count);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new GetPetitionFlowQuery(Guid.NewGuid())));
    }
}
