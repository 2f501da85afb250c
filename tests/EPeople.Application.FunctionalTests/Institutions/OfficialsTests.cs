using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Institutions;

/// <summary>An institution administrator's officials and positions screen, through the mediator on SQLite and PostgreSQL.</summary>
public sealed class OfficialsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private const string Busan = "6260000";

    private DepartmentDto _roads = default!;
    private DepartmentDto _welfare = default!;
    private Guid _officer;
    private Guid _head;
    private Guid _busanOfficer;

    [SetUp]
    public async Task CreateOfficials()
    {
        App.RunAsSystemAdmin();
        _roads = await App.SendAsync(new AddDepartmentCommand(Seoul, "도로관리과", "Road Management Division"));
        _welfare = await App.SendAsync(new AddDepartmentCommand(Seoul, "복지정책과", "Welfare Policy Division"));
        var busanDesk = await App.SendAsync(new AddDepartmentCommand(Busan, "민원담당관", "Petitions Division"));
        _officer = await App.CreateAccountAsync("officer.roads@test", Roles.Official, Seoul, _roads.Id, Position.Officer, "이서연");
        _head = await App.CreateAccountAsync("head.roads@test", Roles.Official, Seoul, _roads.Id, Position.DepartmentHead, "박도윤");
        _busanOfficer = await App.CreateAccountAsync("officer.busan@test", Roles.Official, Busan, busanDesk.Id, Position.Officer);
        await App.CreateAccountAsync("admin.seoul.real@test", Roles.InstitutionAdmin, Seoul);
        await App.CreateAccountAsync("citizen.real@test", Roles.Citizen);
    }

    [Test]
    public async Task ShouldListTheInstitutionsOfficialsByDepartmentHeadsFirst()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);

        var officials = await App.SendAsync(new ListOfficialsQuery(Seoul));

        officials.Select(o => o.Email).ShouldBe(["head.roads@test", "officer.roads@test"]); // no administrator, no other institution
        var head = officials[0];
        head.DisplayName.ShouldBe("박도윤");
        head.DepartmentId.ShouldBe(_roads.Id);
        head.DepartmentNameKo.ShouldBe("도로관리과");
        head.DepartmentNameEn.ShouldBe("Road Management Division");
        head.Position.ShouldBe("DepartmentHead");
    }

    [Test]
    public async Task ShouldMoveAnOfficialToAnotherDepartmentAndPositionAndAuditIt()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var stampBefore = await SecurityStampAsync(_officer);

        var moved = await App.SendAsync(new UpdateOfficialCommand(_officer, _welfare.Id, "DepartmentHead"));

        moved.DepartmentId.ShouldBe(_welfare.Id);
        moved.DepartmentNameKo.ShouldBe("복지정책과");
        moved.Position.ShouldBe("DepartmentHead");
        var listed = (await App.SendAsync(new ListOfficialsQuery(Seoul))).Single(o => o.Id == _officer);
        listed.ShouldBe(moved);
        (await SecurityStampAsync(_officer)).ShouldNotBe(stampBefore); // a signed-in session picks up the new claims

        var audit = (await App.SendAsync(new GetInstitutionAuditTrailQuery(Seoul)))[0];
        audit.EntityType.ShouldBe("Official");
        audit.EntityId.ShouldBe(_officer.ToString());
        audit.Action.ShouldBe("Updated");
        audit.Actor.ShouldBe($"admin.{Seoul}@test");
        audit.IpAddress.ShouldBe("192.0.2.10");
        var (before, after) = (audit.Before!, audit.After!);
        before.ShouldContain("\"Department\":\"도로관리과\"");
        before.ShouldContain("\"Position\":\"Officer\"");
        after.ShouldContain("\"Department\":\"복지정책과\"");
        after.ShouldContain("\"Position\":\"DepartmentHead\"");
        after.ShouldContain("officer.roads@test");
    }

    [Test]
    public async Task ShouldWriteNoAuditEntryWhenNothingChanges()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var entries = (await App.SendAsync(new GetInstitutionAuditTrailQuery(Seoul))).Count;

        var same = await App.SendAsync(new UpdateOfficialCommand(_officer, _roads.Id, "Officer"));

        same.DepartmentId.ShouldBe(_roads.Id);
        (await App.SendAsync(new GetInstitutionAuditTrailQuery(Seoul))).Count.ShouldBe(entries);
    }

    [Test]
    public async Task ShouldLetASystemAdministratorMoveAnyInstitutionsOfficial()
    {
        App.RunAsSystemAdmin();

        var moved = await App.SendAsync(new UpdateOfficialCommand(_head, _welfare.Id, "DepartmentHead"));

        moved.DepartmentNameKo.ShouldBe("복지정책과");
        (await App.SendAsync(new ListOfficialsQuery(Busan))).ShouldHaveSingleItem().Id.ShouldBe(_busanOfficer);
    }

    [Test]
    public async Task ShouldAnswerNotFoundForAnUnknownAccountOrOneThatIsNoOfficial()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var citizen = await App.QueryDbAsync(db => db.Users.Where(u => u.Email == "citizen.real@test").Select(u => u.Id).SingleAsync());

        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new UpdateOfficialCommand(Guid.NewGuid(), _roads.Id, "Officer")));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new UpdateOfficialCommand(citizen, _roads.Id, "Officer")));
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new ListOfficialsQuery("1234567")));
    }

    [Test]
    public async Task ShouldForbidAnotherInstitutionsAdministratorAndChangeNothing()
    {
        await App.RunAsInstitutionAdminAsync(Busan);

        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new UpdateOfficialCommand(_officer, _welfare.Id, "Officer")));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListOfficialsQuery(Seoul)));

        await App.RunAsInstitutionAdminAsync(Seoul);
        (await App.SendAsync(new ListOfficialsQuery(Seoul))).Single(o => o.Id == _officer).DepartmentId.ShouldBe(_roads.Id);
        (await App.SendAsync(new GetInstitutionAuditTrailQuery(Seoul))).ShouldNotContain(a => a.EntityType == "Official");

        App.User.Set("officer.roads@test", [Roles.Official], await App.InstitutionIdAsync(Seoul), _roads.Id, "Officer");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new ListOfficialsQuery(Seoul))); // officials are not administrators
    }

    [Test]
    public async Task ShouldRefuseADepartmentOutsideTheOfficialsInstitutionOrInactiveWithFieldErrors()
    {
        await App.RunAsInstitutionAdminAsync(Seoul);
        var busanDepartment = (await App.SendAsync(new GetInstitutionQuery(Busan))).Departments.Single().Id;
        await App.SendAsync(new UpdateDepartmentCommand(Seoul, _welfare.Id, _welfare.NameKo, _welfare.NameEn, IsActive: false));

        var elsewhere = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new UpdateOfficialCommand(_officer, busanDepartment, "Officer")));
        var inactive = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new UpdateOfficialCommand(_officer, _welfare.Id, "Officer")));
        var malformed = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new UpdateOfficialCommand(_officer, null, "Chief")));

        elsewhere.Errors.Keys.ShouldBe(["departmentId"]);
        inactive.Errors.Keys.ShouldBe(["departmentId"]);
        malformed.Errors.Keys.ShouldBe(["departmentId", "position"], ignoreOrder: true);
        (await App.SendAsync(new ListOfficialsQuery(Seoul))).Single(o => o.Id == _officer).DepartmentId.ShouldBe(_roads.Id);
    }

    private Task<string?> SecurityStampAsync(Guid id) =>
        App.QueryDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
}
