using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Tasks;

/// <summary>The worklist's filters (kind, SLA state, due date) and its count badges, on SQLite and PostgreSQL.</summary>
public sealed class WorklistFilterTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Gangnam = "3220000";

    private async Task<PetitionFiledDto> FileAsync(string kind, string? subtype)
    {
        App.User.Set("citizen@test", [Roles.Citizen], id: Guid.NewGuid());
        return await App.SendAsync(new FilePetitionCommand(
            kind, subtype, "보도블록 파손 신고", "집 앞 보도블록이 깨져서 어르신들이 넘어질 위험이 큽니다. 빠른 보수를 부탁드립니다.",
            Gangnam, null, IsPublic: false, "010-1234-5678", null, ConsentToPersonalData: true, null));
    }

    private async Task RunAsGangnamOfficerAsync() =>
        App.User.Set("officer.gangnam@test", [Roles.Official], await App.InstitutionIdAsync(Gangnam), position: "Officer");

    private async Task<IReadOnlyList<TaskSummaryDto>> ListAsync(ListTasksQuery query)
    {
        await RunAsGangnamOfficerAsync();
        return (await App.SendAsync(query)).Items;
    }

    [Test]
    public async Task ShouldFilterByKindOfPetition()
    {
        var grievance = await FileAsync("CivilPetition", "Grievance");
        var proposal = await FileAsync("NationalProposal", null);
        var all = await ListAsync(new ListTasksQuery());
        var civil = await ListAsync(new ListTasksQuery(Kind: PetitionKind.CivilPetition));
        var waste = await ListAsync(new ListTasksQuery(Kind: PetitionKind.WasteReport));

        civil.Select(t => t.PetitionId).ShouldBe([grievance.Id]);
        civil.ShouldAllBe(t => t.Kind == "CivilPetition");
        waste.ShouldBeEmpty();
        proposal.Institution.Code.ShouldBe(Gangnam);
        all.Select(t => t.PetitionId).ShouldBe([grievance.Id, proposal.Id], ignoreOrder: true);
        (await ListAsync(new ListTasksQuery(Kind: PetitionKind.NationalProposal))).Select(t => t.PetitionId).ShouldBe([proposal.Id]);
    }

    [Test]
    public async Task ShouldFilterBySlaStateAndDueDateAndCountEachState()
    {
        var first = await FileAsync("CivilPetition", "Grievance"); // 7 working days
        App.Clock.Advance(TimeSpan.FromDays(3)); // three days apart: each due at least one working day after the one before
        var second = await FileAsync("CivilPetition", "Grievance");
        App.Clock.Advance(TimeSpan.FromDays(3));
        var third = await FileAsync("CivilPetition", "Grievance");

        // Move to the first one's last working day: it is at risk; a week later it is overdue.
        var firstDue = (await ListAsync(new ListTasksQuery())).Single(t => t.PetitionId == first.Id).DueAt!.Value;
        App.Clock.Advance(firstDue - App.Clock.GetUtcNow() - TimeSpan.FromHours(1));

        var atRisk = await ListAsync(new ListTasksQuery(Sla: "AtRisk"));
        atRisk.Select(t => t.PetitionId).ShouldContain(first.Id);
        atRisk.ShouldAllBe(t => t.SlaState == "AtRisk");
        var onTime = await ListAsync(new ListTasksQuery(Sla: "OnTime"));
        onTime.Select(t => t.PetitionId).ShouldBe([second.Id, third.Id], ignoreOrder: true);
        (await ListAsync(new ListTasksQuery(Sla: "Overdue"))).ShouldBeEmpty();

        var dueDay = DateOnly.FromDateTime(second.DueAt!.Value.ToOffset(TimeSpan.FromHours(9)).DateTime);
        (await ListAsync(new ListTasksQuery(DueBy: dueDay))).Select(t => t.PetitionId).ShouldBe([first.Id, second.Id]);
        (await ListAsync(new ListTasksQuery(DueBy: dueDay.AddDays(-1), Sla: "OnTime"))).ShouldBeEmpty();

        App.Clock.Advance(TimeSpan.FromHours(2));
        (await ListAsync(new ListTasksQuery(Sla: "Overdue"))).Select(t => t.PetitionId).ShouldBe([first.Id]);

        await RunAsGangnamOfficerAsync();
        var counts = await App.SendAsync(new CountTasksQuery());
        counts.ShouldBe(new TaskCounts(OnTime: 2, AtRisk: 0, Overdue: 1));
        counts.All.ShouldBe(3);
        (await App.SendAsync(new CountTasksQuery(TaskScope.Mine))).All.ShouldBe(0);
        (await App.SendAsync(new CountTasksQuery(Kind: PetitionKind.WasteReport))).All.ShouldBe(0);
    }

    [Test]
    public async Task ShouldRefuseAnUnknownSlaState()
    {
        await RunAsGangnamOfficerAsync();
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ListTasksQuery(Sla: "Late")));
        refused.Errors.Keys.ShouldContain(k => k.Equals("sla", StringComparison.OrdinalIgnoreCase));
    }
}
