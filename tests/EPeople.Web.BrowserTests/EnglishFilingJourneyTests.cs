using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>The citizen's side of the journey with the UI switched to English: the wizard, the receipt, My petitions and the timeline.</summary>
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
    }
}
