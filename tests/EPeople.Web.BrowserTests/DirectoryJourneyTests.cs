using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

public sealed class DirectoryJourneyTests : BrowserTest
{
    [Test]
    public async Task AnOfficialSignsInSearchesTheDirectoryAndSwitchesToEnglish()
    {
        await Page.GotoAsync("/");
        await WaitForInteractiveAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ko");
        await ScreenshotAsync("home-ko");
        await ShouldBeAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "로그인", Exact = true }).ClickAsync();
        await Page.GetByLabel("이메일 주소").FillAsync("officer.seoul@epeople.example");
        await Page.GetByLabel("비밀번호").FillAsync("Demo-2026!official");
        await ScreenshotAsync("sign-in");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Page.GetByText("이서연님").WaitForAsync();
        await WaitForInteractiveAsync();
        await ScreenshotAsync("signed-in");

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "기관 찾기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "기관 찾기", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByLabel("기관명 또는 코드").FillAsync("보건복지");
        await Page.GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "보건복지부", Exact = true }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "국토교통부", Exact = true }).CountAsync()).ShouldBe(0);
        await ScreenshotAsync("directory-search");
        await ShouldBeAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "언어: English" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Institutions directory", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await Page.GetByLabel("Name or code").FillAsync("health and welfare");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ministry of Health and Welfare", Exact = true }).WaitForAsync();
        await ScreenshotAsync("directory-english");
        await ShouldBeAccessibleAsync();
    }
}
