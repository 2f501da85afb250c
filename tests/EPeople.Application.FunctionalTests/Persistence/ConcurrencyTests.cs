using EPeople.Application.FunctionalTests.Testing;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Persistence;

public sealed class ConcurrencyTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldRefuseTheSecondOfTwoConcurrentSavesOfOneAggregate()
    {
        await App.QueryDbAsync(async first =>
        {
            var mine = await first.Institutions.Include(i => i.Departments).SingleAsync(i => i.Code == "6110000");

            // Someone else saves the same aggregate after it was loaded here.
            await App.QueryDbAsync(async second =>
            {
                var theirs = await second.Institutions.Include(i => i.Departments).SingleAsync(i => i.Code == "6110000");
                second.Departments.Add(theirs.AddDepartment(new InstitutionNames("감사관", "Audit Office")));
                return await second.SaveChangesAsync();
            });

            mine.UpdateDetails(new InstitutionNames("서울특별시", "Seoul"), mine.Kind, mine.RegionCode, mine.Contact);
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
            return 0;
        });

        var stored = await App.QueryDbAsync(db => db.Institutions.SingleAsync(i => i.Code == "6110000"));
        stored.NameEn.ShouldBe("Seoul Metropolitan Government");
        stored.Version.ShouldBe(2);
    }
}
