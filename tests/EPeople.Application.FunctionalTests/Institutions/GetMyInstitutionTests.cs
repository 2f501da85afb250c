using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Institutions;

/// <summary>Where the administration page takes an institution administrator: their own institution.</summary>
public sealed class GetMyInstitutionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldNameTheSignedInStaffsInstitutionAndNothingForOthers()
    {
        await App.RunAsInstitutionAdminAsync("3220000");
        var mine = await App.SendAsync(new GetMyInstitutionQuery());
        mine.ShouldNotBeNull().Code.ShouldBe("3220000");
        mine.ParentCode.ShouldBe("6110000");

        App.RunAsSystemAdmin();
        (await App.SendAsync(new GetMyInstitutionQuery())).ShouldBeNull();
        App.RunAnonymous();
        await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(new GetMyInstitutionQuery()));
    }
}
