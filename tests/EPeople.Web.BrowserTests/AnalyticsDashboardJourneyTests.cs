using System.Net.Http.Json;
using System.Text.Json;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// A system administrator recomputes the daily counts and sees the petitions filed today on the analytics dashboard:
/// charts with the same numbers in tables, and the league table; the page passes axe.
/// </summary>
public sealed class AnalyticsDashboardJourneyTests : BrowserTest
{
    [Test]
    public async Task ASystemAdministratorRecomputesAndReadsTheDashboard()
    {
        using var citizen = await ApiAsync("citizen2@epeople.example", "Demo-2026!citizen");
        var filed = await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Grievance", title = $"횡단보도 신호 시간 연장 요청 {Random.Shared.Next(10_000, 99_999)}",
            body = "어르신들이 건너기에 신호가 너무 짧습니다.", consentToPersonalData = true, institutionCode = "6110000",
        });
        filed.EnsureSuccessStatusCode();

        await SignInAsync("sysadmin@epeople.example", "Demo-2026!admin", "/analytics");
        await Page.GetByTestId("analytics-status").WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByTestId("recompute").ClickAsync();
        await Page.GetByTestId("recompute-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("[0-9]") }).WaitForAsync();

        var institutions = Page.GetByTestId("volumes-institution-table");
        await institutions.WaitForAsync();
        (await institutions.Locator("tr[data-key='6110000']").CountAsync()).ShouldBe(1);
        await Page.Locator("[data-testid='volumes-kind'] svg").First.WaitForAsync(); // the chart is drawn (after Radzen measures it)
        await Page.GetByTestId("league-table").WaitForAsync();
        await ScreenshotAsync("dashboard");
        await ShouldBeAccessibleAsync();

        using var analyst = await ApiAsync("analyst@epeople.example", "Demo-2026!analyst");
        var volumes = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/volumes?dimension=Kind");
        volumes.GetProperty("series").EnumerateArray().ShouldContain(s => s.GetProperty("key").GetString() == "CivilPetition");
    }
}
