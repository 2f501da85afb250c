using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Institutions;

/// <summary>The intake rules editor's use cases: each mistake comes back as a field error of its row (400), not a conflict.</summary>
public sealed class IntakeRulesTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";

    [Test]
    public async Task ShouldReplaceTheRulesAndReadThemBack()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var roads = await App.SendAsync(new AddDepartmentCommand(Seoul, "도로관리과", "Road Management Division"));
        var welfare = await App.SendAsync(new AddDepartmentCommand(Seoul, "복지정책과", "Welfare Policy Division"));

        await App.SendAsync(new SetIntakeRulesCommand(Seoul, [new("CivilPetition", "Grievance", roads.Id), new("NationalProposal", null, welfare.Id)]));
        var saved = await App.SendAsync(new SetIntakeRulesCommand(Seoul, [new("CivilPetition", "", welfare.Id), new("CivilPetition", "Grievance", roads.Id)]));

        saved.Select(r => $"{r.Kind}/{r.Subtype}/{r.DepartmentNameKo}").ShouldBe(["CivilPetition//복지정책과", "CivilPetition/Grievance/도로관리과"]);
        (await App.SendAsync(new GetIntakeRulesQuery(Seoul))).ShouldBe(saved);
        App.User.Set("officer@test", [Roles.Official], await App.InstitutionIdAsync(Seoul), roads.Id, "Officer");
        (await App.SendAsync(new GetIntakeRulesQuery(Seoul))).Count.ShouldBe(2);
        await App.RunAsInstitutionAdminAsync("6260000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new GetIntakeRulesQuery(Seoul)));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new SetIntakeRulesCommand(Seoul, [])));
        await App.RunAsInstitutionAdminAsync(Seoul);
        var audit = await App.SendAsync(new GetInstitutionAuditTrailQuery(Seoul));
        audit.ShouldContain(a => a.EntityType == "IntakeRule" && a.Action == "Deleted");
        audit.ShouldContain(a => a.EntityType == "IntakeRule" && a.Action == "Created");
    }

    [Test]
    public async Task ShouldReportEachMistakeBesideItsRow()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var roads = await App.SendAsync(new AddDepartmentCommand(Seoul, "도로관리과", "Road Management Division"));

        var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new SetIntakeRulesCommand(Seoul, [
            new("CivilPetition", "Grievance", roads.Id),
            new("CivilPetition", "Grievance", roads.Id),
            new("WasteReport", "Grievance", roads.Id),
            new("Complaint", null, null),
        ])));

        refused.Errors.Keys.ShouldBe(["rules[1].kind", "rules[2].subtype", "rules[3].kind", "rules[3].departmentId"], ignoreOrder: true);
        (await App.SendAsync(new GetIntakeRulesQuery(Seoul))).ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldRefuseAnotherInstitutionsOrAnInactiveDepartmentAsAFieldError()
    {
        App.RunAsSystemAdmin();
        var busan = await App.SendAsync(new AddDepartmentCommand("6260000", "민원담당관", "Petitions Division"));
        var closed = await App.SendAsync(new AddDepartmentCommand(Seoul, "폐지된과", "Closed Division"));
        await App.SendAsync(new UpdateDepartmentCommand(Seoul, closed.Id, closed.NameKo, closed.NameEn, IsActive: false));
        var open = await App.SendAsync(new AddDepartmentCommand(Seoul, "도로관리과", "Road Management Division"));

        var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new SetIntakeRulesCommand(Seoul, [
            new("CivilPetition", null, open.Id),
            new("NationalProposal", null, busan.Id),
            new("WasteReport", null, closed.Id),
        ])));

        refused.Errors.Keys.ShouldBe(["rules[1].departmentId", "rules[2].departmentId"], ignoreOrder: true);
    }
}
