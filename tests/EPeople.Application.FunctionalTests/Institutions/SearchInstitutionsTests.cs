using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Institutions;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Institutions;

public sealed class SearchInstitutionsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldPageTheWholeDirectoryByCodeWithoutGapsOrRepeats()
    {
        var codes = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await App.SendAsync(new SearchInstitutionsQuery(After: after, Limit: 3));
            codes.AddRange(page.Items.Select(i => i.Code));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(4);
        codes.Count.ShouldBe(11);
        codes.ShouldBe(codes.Order(StringComparer.Ordinal).ToList());
        codes.Distinct().Count().ShouldBe(11);
    }

    [TestCase("seoul", new[] { "3000000", "3220000", "6110000", "7010000" })]
    [TestCase("서울특별시 강남", new[] { "3220000" })]
    [TestCase("GANGNAM", new[] { "3220000" })]
    [TestCase("1352", new[] { "1352000" })]
    [TestCase("100%", new string[0])]
    public async Task ShouldSearchKoreanAndEnglishNamesAndCodesCaseInsensitively(string search, string[] expected)
    {
        var page = await App.SendAsync(new SearchInstitutionsQuery(search));

        page.Items.Select(i => i.Code).ShouldBe(expected);
    }

    [Test]
    public async Task ShouldFilterByKindAndParentAndHideInactiveUnlessAsked()
    {
        App.RunAsSystemAdmin();
        await App.SendAsync(new SetInstitutionActiveCommand("3220000", false));

        (await App.SendAsync(new SearchInstitutionsQuery(Kind: "LocalGovernment"))).Items.Select(i => i.Code).ShouldBe(["3000000"]);
        (await App.SendAsync(new SearchInstitutionsQuery(Kind: "LocalGovernment", IncludeInactive: true))).Items.Count.ShouldBe(2);
        var children = await App.SendAsync(new SearchInstitutionsQuery(ParentCode: "1741000"));
        children.Items.ShouldHaveSingleItem().Code.ShouldBe("1320000");
        children.Items[0].ParentCode.ShouldBe("1741000");
    }

    [Test]
    public async Task ShouldRejectBadPagingInput()
    {
        var ex = await Should.ThrowAsync<ValidationFailedException>(() =>
            App.SendAsync(new SearchInstitutionsQuery(Kind: "Moon", After: "not-a-cursor!", Limit: 1000)));

        ex.Errors.Keys.ShouldBe(["kind", "after", "limit"], ignoreOrder: true);
    }
}
