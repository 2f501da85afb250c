using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>
/// The product as shipped routes petitions out of the box (the model trained on the 2019 national petitions and the
/// category mapping), administrators edit keyword rules that take effect at once, and the router's state is visible.
/// </summary>
public sealed class RoutingApiTests
{
    private static async Task<JsonElement> SuggestAsync(HttpClient client, string title) =>
        await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/petitions/suggested-institution?kind=CivilPetition&subtype=Grievance&title={Uri.EscapeDataString(title)}&body={Uri.EscapeDataString(title)}");

    [TestCase("미세먼지 저감 대책을 세워주세요", "1480000")] // 안전/환경 → 환경부
    [TestCase("초등학교 돌봄교실을 확대해 주세요", "1342000")] // 육아/교육 → 교육부
    [TestCase("강아지 학대범을 강력히 처벌해 주세요", "1543000")] // 반려동물 → 농림축산식품부
    [TestCase("택시 요금 인상에 반대합니다", "1613000")] // 교통/건축/국토 → 국토교통부
    public async Task ShouldRouteByTheShippedModelThroughTheCategoryMapping(string title, string institution)
    {
        var suggestion = await SuggestAsync(WebTestSetup.Anonymous(), title);

        suggestion.GetProperty("institution").GetProperty("code").GetString().ShouldBe(institution);
        suggestion.GetProperty("reason").GetString()!.ShouldStartWith("learned (petitions-2019.router): category ");
        suggestion.GetProperty("reasonKind").GetString().ShouldBe("Learned");
        suggestion.GetProperty("terms").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task ShouldApplyAnAdministratorsKeywordRuleAtOnceAndRefuseBadRules()
    {
        using var sysadmin = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);
        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        try
        {
            var saved = await sysadmin.PutAsJsonAsync("/api/v1/routing/keyword-rules",
                new { rules = new[] { new { keyword = "따릉이", institutionCode = "6110000", kind = (string?)null, note = "서울시 공공자전거" } } });

            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            var suggestion = await SuggestAsync(WebTestSetup.Anonymous(), "따릉이 대여소를 늘려주세요");
            suggestion.GetProperty("institution").GetProperty("code").GetString().ShouldBe("6110000");
            suggestion.GetProperty("reason").GetString().ShouldBe("keyword rule \"따릉이\"");
            suggestion.GetProperty("automatic").GetBoolean().ShouldBeTrue();
            (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/routing/keyword-rules")).GetArrayLength().ShouldBe(1);

            var refused = await sysadmin.PutAsJsonAsync("/api/v1/routing/keyword-rules",
                new { rules = new[] { new { keyword = "x", institutionCode = "9999999", kind = "Complaint", note = (string?)null } } });
            (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain(e => e.Contains("Keyword", StringComparison.OrdinalIgnoreCase));
            await (await analyst.PutAsJsonAsync("/api/v1/routing/keyword-rules", new { rules = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/routing/keyword-rules")).GetArrayLength().ShouldBe(1); // nothing changed
        }
        finally
        {
            (await sysadmin.PutAsJsonAsync("/api/v1/routing/keyword-rules", new { rules = Array.Empty<object>() })).EnsureSuccessStatusCode();
        }
    }

    [Test]
    public async Task ShouldShowTheModelInUseWithItsSourceToAnalystsOnly()
    {
        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        var status = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/routing/status");

        status.GetProperty("model").GetString().ShouldBe("petitions-2019.router");
        status.GetProperty("source").GetString().ShouldBe("Blue House national petitions (청와대 국민청원) 2019, KOGL Type 1");
        status.GetProperty("trainingCount").GetInt32().ShouldBe(74_855);
        await (await citizen.GetAsync("/api/v1/routing/status")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
