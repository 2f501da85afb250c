using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// An analyst redesigns the civil-petition workflow in the visual designer: adds a timer escalation to the handling
/// task, sees the validation error until its new port is wired, wires it, test-runs the draft to its end on the
/// virtual clock (the timer included), and publishes version 2; a petition filed afterwards runs on version 2 while
/// one filed before stays on version 1.
/// </summary>
public sealed class WorkflowDesignerJourneyTests : BrowserTest
{
    [Test]
    public async Task AnAnalystAddsAnEscalationTestRunsAndPublishesANewVersion()
    {
        using var citizen = await ApiAsync("citizen2@epeople.example", "Demo-2026!citizen");
        using var analyst = await ApiAsync("analyst@epeople.example", "Demo-2026!analyst");
        var before = await FileAsync(citizen, "설계 전 접수 민원");
        var runningOn = (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{before}/flow")).GetProperty("version").GetInt32();

        await SignInAsync("analyst@epeople.example", "Demo-2026!analyst", "/workflows/petition.civil/designer");
        var clock = Stopwatch.StartNew();
        await Page.Locator("[data-testid='designer'][data-ready='true']").WaitForAsync();
        TestContext.Out.WriteLine($"The designer was interactive {clock.ElapsedMilliseconds} ms after sign-in.");
        (await Page.Locator(".wf-node").CountAsync()).ShouldBeGreaterThan(10);
        (await Page.GetByTestId("problem-count").TextContentAsync()).ShouldBe("0");
        await ScreenshotAsync("opened");

        // Select the handling task on the canvas and give it a timer escalation: an interrupting deadline whose
        // "Overdue" outcome becomes a new, unwired port — an error until it leads somewhere.
        var handle = Node("handle");
        await handle.Locator(".wf-node-title").ClickAsync();
        await Page.Locator("[data-testid='node-property-panel'][data-node='handle']").WaitForAsync();
        await Page.GetByTestId("add-timer-escalation").ClickAsync();
        var overdue = Page.Locator("[data-port-id='handle/Overdue']");
        await overdue.WaitForAsync();
        await handle.GetByTestId("node-error-badge").WaitForAsync();
        (await Page.Locator("[data-testid='problems'] li[data-node='handle'][data-rule='outcomes-wired']").CountAsync()).ShouldBe(1);
        (await Page.GetByTestId("publish").IsDisabledAsync()).ShouldBeTrue();
        await ScreenshotAsync("escalation-unwired");

        // The escalation notifies the department, then the task starts again.
        await Page.Locator("[data-testid='palette'] button[data-type='EPeople.Notify']").ClickAsync();
        var notify = Node("notify");
        await notify.WaitForAsync();
        await Page.Locator("[data-testid='node-property-panel'][data-node='notify']").WaitForAsync();
        await Page.Locator("[data-testid='options-editor'][data-input='channel']").SelectOptionAsync("InApp");
        await Input("recipients").FillAsync("department");
        await Input("body").FillAsync("{{ petition.title }} 민원이 처리 기한을 넘겼습니다.");
        await Page.Locator("[data-testid='wire-editor'] select[data-port='Done']").SelectOptionAsync("handle");

        // Wire the new port by dragging it onto the notice on the canvas.
        await DragAsync(overdue, notify.Locator(".wf-node-title"));
        await Page.Locator("[data-testid='designer'] .wf-node[data-node='handle'][data-errors='0']").WaitForAsync();
        await Page.GetByTestId("no-problems").WaitForAsync();
        (await Page.GetByTestId("publish").IsDisabledAsync()).ShouldBeFalse();
        await ScreenshotAsync("escalation-wired");
        await ShouldBeAccessibleAsync();

        // Test-run the draft on the virtual clock: the task runs late, the escalation fires, the notice goes to the
        // test sink, the task starts again and is answered; the citizen never rates it, so the wait times out and the
        // flow ends.
        await Page.GetByTestId("toggle-test-run").ClickAsync();
        await Page.GetByLabel("시작 변수(JSON, 선택)").FillAsync("""
            { "receiptNumber": "2AA-0000-000001", "title": "시험 민원", "kind": "CivilPetition", "institution": "1480000", "period": "P7WD" }
            """);
        await Page.GetByTestId("run-start").ClickAsync();
        await RunTask("handle").WaitForAsync();
        await Node("handle").And(Page.Locator(".wf-run-current")).WaitForAsync();
        for (var i = 0; i < 3 && !await Node("notify").And(Page.Locator(".wf-run-visited")).IsVisibleAsync(); i++)
        {
            await Page.GetByTestId("run-fast-forward").ClickAsync();
        }

        await Node("notify").And(Page.Locator(".wf-run-visited")).WaitForAsync();
        (await Page.GetByTestId("run-notices").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        await RunTask("handle").Locator("button[data-action='Answer']").ClickAsync();
        await Node("feedback").And(Page.Locator(".wf-run-current")).WaitForAsync();
        await Page.GetByTestId("run-fast-forward").ClickAsync();
        await Page.Locator("[data-testid='run-status'][data-status='Completed']").WaitForAsync();
        await Node("end").And(Page.Locator(".wf-run-visited")).WaitForAsync();
        (await Page.GetByTestId("run-steps").Locator("li[data-kind='Timer']").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await ScreenshotAsync("test-run-completed");

        // Publish: the dialog shows what changed and the petitions running on the version in use, left where they are.
        await Page.GetByTestId("publish").ClickAsync();
        var dialog = Page.GetByTestId("publish-dialog");
        await dialog.GetByTestId("changes").WaitForAsync();
        (await dialog.Locator("[data-testid='changes'] li[data-node='notify'][data-change='Added']").CountAsync()).ShouldBe(1);
        (await dialog.Locator("[data-testid='changes'] li[data-node='handle'][data-change='Changed']").CountAsync()).ShouldBe(1);
        await dialog.Locator($"[data-testid='running-instances'] li[data-version='{runningOn}']").WaitForAsync();
        (await dialog.GetByTestId("mode-leave").IsCheckedAsync()).ShouldBeTrue();
        await ScreenshotAsync("publish-dialog");
        await ShouldBeAccessibleAsync();
        await dialog.GetByTestId("confirm-publish").ClickAsync();
        await Page.GetByTestId("designer-status").Filter(new() { HasText = $"{runningOn + 1}번째 버전으로 게시했습니다." }).WaitForAsync();
        await ScreenshotAsync("published");

        // A petition filed now runs on the new version; the one filed before stays where it was.
        var after = await FileAsync(citizen, "설계 후 접수 민원");
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{after}/flow")).GetProperty("version").GetInt32().ShouldBe(runningOn + 1);
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{before}/flow")).GetProperty("version").GetInt32().ShouldBe(runningOn);
        var versions = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/workflows/definitions/petition.civil/versions");
        versions.EnumerateArray().First().GetProperty("version").GetInt32().ShouldBe(runningOn + 1);
        versions.EnumerateArray().First().GetProperty("publishedBy").GetString().ShouldBe("analyst@epeople.example");
    }

    private static async Task<string> FileAsync(HttpClient citizen, string title)
    {
        var filed = await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Grievance", title = $"{title} {Random.Shared.Next(10_000, 99_999)}",
            body = "동네 공원 가로등이 꺼져 밤길이 어둡습니다. 고쳐 주세요.", consentToPersonalData = true, institutionCode = "6110000",
        });
        filed.EnsureSuccessStatusCode();
        return (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private ILocator RunTask(string node) => Page.Locator($"[data-testid='run-task'][data-node='{node}']");

    private ILocator Node(string id) => Page.Locator($"[data-testid='designer'] .wf-node[data-node='{id}']");

    private ILocator Input(string name) =>
        Page.Locator($"[data-testid='node-property-panel'] [data-testid='expression-editor'][data-input='{name}']").Locator("input, textarea").First;

    /// <summary>Drags with the mouse from one element's centre to another's, in steps, as a person would.</summary>
    private async Task DragAsync(ILocator from, ILocator to)
    {
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(start.X + (start.Width / 2), start.Y + (start.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(end.X + (end.Width / 2), end.Y + (end.Height / 2), new() { Steps = 12 });
        await Page.Mouse.UpAsync();
    }
}
