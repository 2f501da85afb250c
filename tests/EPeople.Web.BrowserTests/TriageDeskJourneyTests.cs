using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// A petition the shipped router is unsure of reaches the triage desk; the desk's official sees the router's three
/// suggestions with their confidence and reasons, takes one, and the petition moves there; an analyst then sees the
/// path it took in the instance viewer.
/// </summary>
public sealed class TriageDeskJourneyTests : BrowserTest
{
    [Test]
    public async Task ATriageOfficialRoutesAnUnsurePetitionOnTheRoutersSuggestion()
    {
        // Children's safety in a housing estate: environment and safety, education, or land and housing? The model
        // leans to the first (about two in three), below the threshold of 0.8.
        var title = $"아파트 단지 내 어린이 안전 문제 {Random.Shared.Next(10_000, 99_999)}";
        using var citizen = await ApiAsync("citizen1@epeople.example", "Demo-2026!citizen");
        var filed = await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Grievance", title, body = "단지 안 도로에서 차량이 빠르게 달려 아이들이 위험합니다. 대책을 마련해 주세요.",
            consentToPersonalData = true,
        });
        filed.EnsureSuccessStatusCode();
        var petition = await filed.Content.ReadFromJsonAsync<JsonElement>();
        petition.GetProperty("status").GetString().ShouldBe("InTriage");
        var petitionId = petition.GetProperty("id").GetString();
        using var desk = await ApiAsync("triage@epeople.example", "Demo-2026!official");
        var tasks = await desk.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200");
        var taskId = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("petitionId").GetString() == petitionId).GetProperty("id").GetString();

        await SignInAsync("triage@epeople.example", "Demo-2026!official", $"/tasks/{taskId}");
        var suggestions = Page.GetByTestId("routing-suggestions");
        await suggestions.WaitForAsync();
        await WaitForInteractiveAsync();
        var items = suggestions.Locator("li");
        (await items.CountAsync()).ShouldBe(3);
        (await items.First.GetAttributeAsync("data-code")).ShouldBe("1480000"); // 환경부
        var first = (await items.First.TextContentAsync())!;
        first.ShouldContain("과거 민원 학습: 분야 안전/환경"); // the reason in the reader's language
        first.ShouldContain("주요 단어: ");
        await ScreenshotAsync(Page, "suggestions");
        await ShouldBeAccessibleAsync();

        await items.First.GetByRole(AriaRole.Button).ClickAsync();
        await Page.GetByTestId("picker-chosen").Locator("li[data-code='1480000']").WaitForAsync();
        (await Page.GetByLabel("다른 기관으로 이송", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await ScreenshotAsync(Page, "transfer-filled-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "처리하기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();

        var after = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{petitionId}");
        after.GetProperty("institution").GetProperty("code").GetString().ShouldBe("1480000");
        after.GetProperty("status").GetString().ShouldBe("Received");

        // An analyst sees the path it took: received, handled at the desk, moved, and now waiting at the ministry.
        await SignInAsync("analyst@epeople.example", "Demo-2026!analyst", $"/petitions/{petitionId}/flow");
        var path = Page.GetByTestId("workflow-path");
        await path.WaitForAsync();
        (await path.Locator("g[data-node='handle']").GetAttributeAsync("data-state")).ShouldBe("Current");
        (await path.Locator("g[data-node='receive']").GetAttributeAsync("data-state")).ShouldBe("Visited");
        (await path.Locator("line[data-from='receive'][data-to='handle']").GetAttributeAsync("data-taken")).ShouldBe("true");
        (await Page.GetByTestId("flow-tasks").Locator("tbody tr").CountAsync()).ShouldBe(1);
        await ScreenshotAsync(Page, "workflow-path");
        await ShouldBeAccessibleAsync();
    }
}
