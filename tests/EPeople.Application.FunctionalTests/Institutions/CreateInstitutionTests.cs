using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Domain.Auditing;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Institutions;

public sealed class CreateInstitutionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static CreateInstitutionCommand Jung(string code = "3010000") => new(
        code, "서울특별시 중구", "Jung-gu, Seoul", "LocalGovernment", "6110000", "11140",
        new ContactDto("02-3396-4114", null, "https://www.junggu.seoul.kr", null), ["CivilPetition", "WasteReport"]);

    [Test]
    public async Task ShouldCreateInstitutionUnderItsParentWithVersionOneAndAuditEntries()
    {
        App.RunAsSystemAdmin();

        var created = await App.SendAsync(Jung());

        created.Code.ShouldBe("3010000");
        created.ParentCode.ShouldBe("6110000");
        created.ParentNameKo.ShouldBe("서울특별시");
        created.ServiceTypes.ShouldBe(["CivilPetition", "WasteReport"]);
        created.Version.ShouldBe(1);
        var audit = await App.QueryDbAsync(db => db.AuditEntries.Where(a => a.AggregateId == created.Id.ToString()).ToListAsync());
        audit.ShouldContain(a => a.EntityType == "Institution" && a.Action == AuditAction.Created
                                 && a.ActorName == "sysadmin@test" && a.IpAddress == "192.0.2.10" && a.After!.Contains("Jung-gu"));
        audit.Count(a => a.EntityType == "InstitutionServiceType").ShouldBe(2);
    }

    [Test]
    public async Task ShouldRejectDuplicateCodeWithConflictAndSaveNothing()
    {
        App.RunAsSystemAdmin();
        var before = await App.QueryDbAsync(db => db.Institutions.CountAsync());

        var ex = await Should.ThrowAsync<ConflictException>(() => App.SendAsync(Jung("6110000")));

        ex.Rule.ShouldBe("DuplicateInstitutionCode");
        (await App.QueryDbAsync(db => db.Institutions.CountAsync())).ShouldBe(before);
        (await App.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.ActorName == "sysadmin@test"))).ShouldBe(0);
    }

    [Test]
    public async Task ShouldReportEveryInvalidFieldByItsJsonName()
    {
        App.RunAsSystemAdmin();

        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new CreateInstitutionCommand(
            "12AB", "", "", "Planet", "123", "1", new ContactDto("call me", "not-an-email", "ftp://x", null), ["Gossip"])));

        ex.Errors.Keys.ShouldBe(
            ["code", "nameKo", "nameEn", "kind", "parentCode", "regionCode", "contact.phone", "contact.email", "contact.website", "serviceTypes[0]"],
            ignoreOrder: true);
        (await App.QueryDbAsync(db => db.Institutions.CountAsync(i => i.Code == "12AB"))).ShouldBe(0);
    }

    [Test]
    public async Task ShouldRejectUnknownParentAsFieldError()
    {
        App.RunAsSystemAdmin();

        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(Jung() with { ParentCode = "9999999" }));

        ex.Errors["parentCode"].ShouldHaveSingleItem().ShouldContain("9999999");
    }

    [Test]
    public async Task ShouldRequireSignInAndTheSystemAdminRole()
    {
        App.RunAnonymous();
        await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(Jung()));

        await App.RunAsInstitutionAdminAsync("6110000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(Jung()));

        App.RunAsCitizen();
        // Forbidden before validation: a caller without the role learns nothing about the rules.
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new CreateInstitutionCommand(null, null, null, null)));
        (await App.QueryDbAsync(db => db.Institutions.CountAsync(i => i.Code == "3010000"))).ShouldBe(0);
    }
}
