using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Institutions;

public sealed class UpdateInstitutionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static UpdateInstitutionCommand RenameSeoul(string english, long? expectedVersion = null, string? parent = null, string kind = "MetropolitanGovernment") =>
        new("6110000", "서울특별시", english, kind, parent, "11", new ContactDto("02-120", null, null, null), expectedVersion);

    [Test]
    public async Task ShouldLetTheInstitutionAdminRenameTheirInstitutionAndAuditBeforeAndAfter()
    {
        await App.RunAsInstitutionAdminAsync("6110000");

        var updated = await App.SendAsync(RenameSeoul("Seoul City Hall", expectedVersion: 1));

        updated.NameEn.ShouldBe("Seoul City Hall");
        updated.Version.ShouldBe(2);
        var trail = await App.SendAsync(new GetInstitutionAuditTrailQuery("6110000"));
        var change = trail[0];
        change.Action.ShouldBe("Updated");
        change.Actor.ShouldBe("admin.6110000@test");
        change.Before!.ShouldContain("Seoul Metropolitan Government");
        change.After!.ShouldContain("Seoul City Hall");
        change.Before!.ShouldNotContain("서울특별시", Case.Sensitive); // unchanged properties are not repeated
    }

    [Test]
    public async Task ShouldRefuseAStaleVersion()
    {
        App.RunAsSystemAdmin();
        await App.SendAsync(RenameSeoul("First edit", expectedVersion: 1));

        var ex = await Should.ThrowAsync<ConflictException>(() => App.SendAsync(RenameSeoul("Second edit", expectedVersion: 1)));

        ex.Rule.ShouldBe("StaleVersion");
        (await App.SendAsync(new GetInstitutionQuery("6110000"))).NameEn.ShouldBe("First edit");
    }

    [Test]
    public async Task ShouldForbidAnotherInstitutionsAdmin()
    {
        await App.RunAsInstitutionAdminAsync("6260000");

        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(RenameSeoul("Hijacked")));
        (await App.SendAsync(new GetInstitutionQuery("6110000"))).NameEn.ShouldBe("Seoul Metropolitan Government");
    }

    [Test]
    public async Task ShouldLeaveKindAndParentToTheSystemAdmin()
    {
        await App.RunAsInstitutionAdminAsync("6110000");
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(RenameSeoul("Seoul", kind: "LocalGovernment")));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(RenameSeoul("Seoul", parent: "1741000")));

        App.RunAsSystemAdmin();
        var moved = await App.SendAsync(RenameSeoul("Seoul", parent: "1741000"));
        moved.ParentCode.ShouldBe("1741000");
    }

    [Test]
    public async Task ShouldRefuseToMakeTheHierarchyLoop()
    {
        App.RunAsSystemAdmin();

        // 서울특별시 under its own district 종로구 would loop.
        var ex = await Should.ThrowAsync<EPeople.Domain.DomainException>(() => App.SendAsync(RenameSeoul("Seoul", parent: "3000000")));

        ex.Rule.ShouldBe("HierarchyLoop");
        (await App.QueryDbAsync(db => db.Institutions.SingleAsync(i => i.Code == "6110000"))).ParentId.ShouldBeNull();
    }

    [Test]
    public async Task ShouldReportMissingInstitution()
    {
        App.RunAsSystemAdmin();

        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(RenameSeoul("x") with { Code = "1234567" }));
    }
}
