using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// The whole journey with the UI switched to English, on both sides: a citizen files through the wizard choosing the
/// institution with the picker; an official there transfers it; an official of the ministry it went to answers; the
/// citizen sees the three steps and rates the answer 2/5; the additional-answer task appears in the ministry's worklist.
/// </summary>
public sealed class EnglishFilingJourneyTests : BrowserTest
{
    [Test]
    public async Task ACitizenFilesAndFollowsAPetitionInEnglish()
    {
        var title = $"Broken pavement in front of the school {Random.Shared.Next(1000, 9999)}";
        await Page.GotoAsync("/");
        await WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "언어: English" }).ClickAsync();
        await Page.WaitForFunctionAsync("document.documentElement.lang === 'en'");

        await Page.GotoAsync("/account/login?returnUrl=/petitions/new");
        await Page.GetByLabel("E-mail address").FillAsync("citizen2@epeople.example");
        await Page.GetByLabel("Password").FillAsync("Demo-2026!citizen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "File a petition", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await Page.GetByRole(AriaRole.Radio, new() { Name = "Civil petition —" }).CheckAsync();
        await Page.GetByLabel("Type of civil petition").SelectOptionAsync("Grievance");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Page.GetByLabel("Region code (optional)").FillAsync("11680");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Suggest the institution" }).ClickAsync();
        await Page.GetByTestId("suggestion").GetByText("Gangnam").WaitForAsync();
        // The citizen thinks it is a matter for the Ministry of Health and Welfare and chooses it instead.
        await Page.GetByLabel("Send it to another institution (optional)").FillAsync("Health and Welfare");
        await Page.GetByLabel("Send it to another institution (optional)").PressAsync("Enter"); // searches; does not leave the step
        await Page.Locator("[data-testid=institution-picker] button[data-code='1352000']").ClickAsync();
        await Page.GetByTestId("picker-chosen").GetByText("Ministry of Health and Welfare").WaitForAsync();
        await ScreenshotAsync("wizard-institution-en");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Page.GetByLabel("Title").FillAsync(title);
        await Page.GetByLabel("What is it about?").FillAsync("The pavement in front of the primary school is broken and children trip over it every morning.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Page.GetByLabel("I agree to the use of my personal data for handling this petition (required)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Your petition was received" }).WaitForAsync();
        (await Page.GetByTestId("receipt-number").TextContentAsync()).ShouldStartWith("EP-");
        (await Page.GetByTestId("receipt").TextContentAsync())!.ShouldContain("KST");
        await ScreenshotAsync("receipt-en");
        await ShouldBeAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "My petitions", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "My petitions", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        (await Page.Locator("[data-step=Reception] .step-state").TextContentAsync()).ShouldBe("now");
        (await Page.Locator("[data-testid=timeline-events]").TextContentAsync())!.ShouldContain("Filed");
        await ScreenshotAsync("petition-en");
        await ShouldBeAccessibleAsync();
        var petitionPage = new Uri(Page.Url).AbsolutePath;

        // The ministry's official finds it, overdue-first filters and all in English, and transfers it to MOLIT.
        await SignInAsync("officer.mohw@epeople.example", "Demo-2026!official", "/worklist", english: true);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Worklist", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByLabel("Kind of petition").SelectOptionAsync("CivilPetition");
        // The filter navigates inside the page (no load event), so the address is polled rather than awaited as a navigation.
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/worklist\\?kind=CivilPetition$"), new() { Timeout = 20_000 });
        var row = Page.Locator("[data-testid=worklist] tr", new() { HasText = title });
        await row.WaitForAsync();
        (await row.TextContentAsync())!.ShouldContain("on time");
        await ScreenshotAsync("worklist-en");
        await ShouldBeAccessibleAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByLabel("Transfer to another institution").CheckAsync();
        await Page.GetByLabel("Institution to transfer to").FillAsync("Land, Infrastructure");
        await Page.GetByLabel("Institution to transfer to").PressAsync("Enter");
        await Page.Locator("[data-testid=institution-picker] button[data-code='1613000']").ClickAsync();
        await Page.GetByLabel("Reason", new() { Exact = true }).FillAsync("School-zone pavements on national roads are MOLIT's.");
        await ScreenshotAsync("task-transfer-en");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Worklist", Level = 1 }).WaitForAsync();

        await SignInAsync("officer.molit@epeople.example", "Demo-2026!official", "/worklist", english: true);
        row = Page.Locator("[data-testid=worklist] tr", new() { HasText = title });
        await row.WaitForAsync();
        await WaitForInteractiveAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByLabel("Answer", new() { Exact = true }).First.CheckAsync();
        await Page.Locator(".rz-html-editor-content").ClickAsync();
        await Page.Locator(".rz-html-editor-content").PressSequentiallyAsync("We will repave it by 12 December.");
        await ScreenshotAsync("task-answer-en");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Worklist", Level = 1 }).WaitForAsync();

        // The citizen sees reception → transfer → result, and rates the answer 2/5.
        await SignInAsync("citizen2@epeople.example", "Demo-2026!citizen", petitionPage, english: true);
        await Page.GetByTestId("answer").WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.GetByTestId("answer").TextContentAsync()).ShouldBe("We will repave it by 12 December.");
        foreach (var step in new[] { "Reception", "Transfer", "Result" })
        {
            (await Page.Locator($"[data-step={step}]").GetAttributeAsync("data-state")).ShouldBe("Done");
        }

        await ScreenshotAsync("answered-en");
        await ShouldBeAccessibleAsync();
        await Page.GetByLabel("2 — ", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        await ScreenshotAsync("rated-en");

        await SignInAsync("officer.molit@epeople.example", "Demo-2026!official", "/worklist", english: true);
        await Page.Locator("[data-testid=worklist] tr", new() { HasText = title }).WaitForAsync();
        await ScreenshotAsync("additional-answer-task-en");
    }
}
