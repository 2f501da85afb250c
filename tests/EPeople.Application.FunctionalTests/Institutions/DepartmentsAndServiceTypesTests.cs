using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Domain;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Institutions;

public sealed class DepartmentsAndServiceTypesTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldAddRenameAndDeactivateADepartment()
    {
        await App.RunAsInstitutionAdminAsync("6110000");

        var added = await App.SendAsync(new AddDepartmentCommand("6110000", "교통정책과", "Transport Policy Division"));
        var changed = await App.SendAsync(new UpdateDepartmentCommand("6110000", added.Id, "교통정책과", "Transport Policy Bureau", IsActive: false));

        changed.NameEn.ShouldBe("Transport Policy Bureau");
        changed.IsActive.ShouldBeFalse();
        var seoul = await App.SendAsync(new GetInstitutionQuery("6110000"));
        seoul.Departments.ShouldHaveSingleItem().Id.ShouldBe(added.Id);
        seoul.Version.ShouldBe(3); // each change to a member bumps the aggregate's version
        (await App.SendAsync(new GetInstitutionAuditTrailQuery("6110000"))).Count(a => a.EntityType == "Department").ShouldBe(2);
    }

    [Test]
    public async Task ShouldRejectDuplicateDepartmentNameAsConflict()
    {
        App.RunAsSystemAdmin();
        await App.SendAsync(new AddDepartmentCommand("6110000", "교통정책과", "Transport Policy Division"));

        var ex = await Should.ThrowAsync<DomainException>(() => App.SendAsync(new AddDepartmentCommand("6110000", "교통정책과", "Duplicate")));

        ex.Rule.ShouldBe("DuplicateDepartment");
        (await App.SendAsync(new GetInstitutionQuery("6110000"))).Departments.Count.ShouldBe(1);
    }

    [Test]
    public async Task ShouldValidateDepartmentNamesAndForbidOtherInstitutions()
    {
        App.RunAsSystemAdmin();
        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new AddDepartmentCommand("6110000", "", null)));
        ex.Errors.Keys.ShouldBe(["nameKo", "nameEn"], ignoreOrder: true);

        await App.RunAsInstitutionAdminAsync("6260000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new AddDepartmentCommand("6110000", "민원과", "Petitions")));
    }

    [Test]
    public async Task ShouldReplaceServiceTypes()
    {
        await App.RunAsInstitutionAdminAsync("6110000");

        var updated = await App.SendAsync(new SetServiceTypesCommand("6110000", ["CivilPetition", "PublicInterestReport"]));

        updated.ServiceTypes.ShouldBe(["CivilPetition", "PublicInterestReport"]);
        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new SetServiceTypesCommand("6110000", ["Complaint"])));
        ex.Errors.Keys.ShouldBe(["serviceTypes[0]"]);
    }

    [Test]
    public async Task ShouldDeactivateButNeverTheTriageDesk()
    {
        App.RunAsSystemAdmin();

        (await App.SendAsync(new SetInstitutionActiveCommand("6260000", false))).IsActive.ShouldBeFalse();
        (await Should.ThrowAsync<DomainException>(() => App.SendAsync(new SetInstitutionActiveCommand("1140100", false))))
            .Rule.ShouldBe("TriageDeskRequired");
        (await App.SendAsync(new GetInstitutionQuery("1140100"))).IsActive.ShouldBeTrue();

        await App.RunAsInstitutionAdminAsync("6260000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new SetInstitutionActiveCommand("6260000", true)));
    }
}
