using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// The officials' side beyond the main journey: two officials acting on the same task at once, the worklist and task
/// page on a phone-sized screen, and the institution administrator's screens.
/// </summary>
public sealed class OfficialsSideTests : BrowserTest
{
    // A grievance filed by the API straight to Seoul, and its task's page address as Seoul's officials see it.
    private static async Task<(string Title, string TaskPage)> FileToSeoulAsync()
    {
        var title = $"공원 가로등 고장 {Random.Shared.Next(10_000, 99_999)}";
        using var citizen = await ApiAsync("citizen1@epeople.example", "Demo-2026!citizen");
        var filed = await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Grievance", title, body = "공원 산책로의 가로등이 일주일째 꺼져 있어 밤에 위험합니다.",
            institutionCode = "6110000", phone = "010-2222-3333", consentToPersonalData = true,
        });
        filed.EnsureSuccessStatusCode();
        var petitionId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var official = await ApiAsync("officer.seoul@epeople.example", "Demo-2026!official");
        var tasks = await official.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200");
        var task = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("petitionId").GetString() == petitionId);
        return (title, "/tasks/" + task.GetProperty("id").GetString());
    }

    [Test]
    public async Task TwoOfficialsOnOneTaskTheSecondIsToldSomeoneElseActed()
    {
        var (_, taskPage) = await FileToSeoulAsync();
        var head = await NewPageAsync();
        await SignInAsync("officer.seoul@epeople.example", "Demo-2026!official", taskPage, Page);
        await SignInAsync("head.seoul@epeople.example", "Demo-2026!official", taskPage, head);
        await Page.GetByTestId("task-action").WaitForAsync();
        await head.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync();
        await WaitForInteractiveAsync(head);

        // Both have the page open at the same revision; the officer answers first.
        await Page.GetByLabel("답변", new() { Exact = true }).First.CheckAsync();
        await Page.Locator(".rz-html-editor-content").ClickAsync();
        await Page.Locator(".rz-html-editor-content").PressSequentiallyAsync("가로등을 교체했습니다.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "처리하기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();

        // The head, still on the old page, tries to close it: a clear message, no crash, and the page goes on working.
        await head.GetByLabel("답변 없이 종결").CheckAsync();
        await head.GetByLabel("사유", new() { Exact = true }).FillAsync("중복 민원");
        await head.GetByRole(AriaRole.Button, new() { Name = "처리하기" }).ClickAsync();
        await head.GetByTestId("stale").WaitForAsync();
        (await head.GetByTestId("stale").TextContentAsync())!.ShouldContain("다른 사람");
        await ScreenshotAsync(head, "stale-revision");
        await ShouldBeAccessibleAsync(head);
        (await head.Locator("#blazor-error-ui:visible").CountAsync()).ShouldBe(0);
        await head.GetByRole(AriaRole.Link, new() { Name = "업무 목록", Exact = true }).ClickAsync();
        await head.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
    }

    [Test]
    public async Task TheWorklistAndTaskPageFitAPhoneScreen()
    {
        var (title, taskPage) = await FileToSeoulAsync();
        var phone = await NewPageAsync(new ViewportSize { Width = 375, Height = 740 });
        await SignInAsync("officer.seoul@epeople.example", "Demo-2026!official", "/worklist", phone);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync(phone);
        await phone.Locator("[data-testid=worklist] tr", new() { HasText = title }).WaitForAsync();
        await ShouldFitTheWidthAsync(phone);
        await ScreenshotAsync(phone, "worklist-phone");
        await ShouldBeAccessibleAsync(phone);

        await phone.GotoAsync(taskPage);
        await phone.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync(phone);
        await phone.GetByLabel("다른 기관으로 이송").CheckAsync();
        await ShouldFitTheWidthAsync(phone);
        await ScreenshotAsync(phone, "task-phone");
        await ShouldBeAccessibleAsync(phone);
    }

    private static async Task ShouldFitTheWidthAsync(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
            .ShouldBeTrue("the page scrolls sideways on a phone");

    [Test]
    public async Task TheInstitutionAdministratorSeesOfficialsIntakeRulesAndWorkload()
    {
        await FileToSeoulAsync(); // at least one open task, so the workload has something to show
        await SignInAsync("admin.seoul@epeople.example", "Demo-2026!admin", "/admin", Page);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "기관 관리", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await ScreenshotAsync("admin-home");
        await ShouldBeAccessibleAsync();

        foreach (var (link, page) in new[] { ("담당자와 직위", "officials"), ("접수 부서 지정", "intake-rules"), ("업무량", "workload") })
        {
            await Page.GotoAsync("/admin");
            await WaitForInteractiveAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = link }).First.ClickAsync();
            await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/institutions/6110000/{page}$"), new() { Timeout = 20_000 });
            await Page.Locator("h1").WaitForAsync();
            await WaitForInteractiveAsync();
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await ScreenshotAsync("admin-" + page);
            await ShouldBeAccessibleAsync();
        }

        (await Page.Locator("main").TextContentAsync())!.ShouldContain("시민소통담당관"); // the workload by department
    }
}
