using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

public sealed class InstitutionAdminJourneyTests : BrowserTest
{
    [Test]
    public async Task AnInstitutionAdminAddsADepartmentAndSeesItInTheChangeHistory()
    {
        await Page.GotoAsync("/account/login?returnUrl=/institutions/6110000");
        await Page.GetByLabel("이메일 주소").FillAsync("admin.seoul@epeople.example");
        await Page.GetByLabel("비밀번호").FillAsync("Demo-2026!admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "서울특별시", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await ScreenshotAsync("institution-page");

        // A mistake first: the English name is missing, and the message appears beside the field.
        var departmentName = "기후환경본부" + Random.Shared.Next(1000, 9999);
        await Page.GetByLabel("부서명(한글)").FillAsync(departmentName);
        await Page.GetByRole(AriaRole.Button, new() { Name = "부서 추가" }).ClickAsync();
        await Page.Locator("#department-en-errors").WaitForAsync();
        await ScreenshotAsync("field-error");

        await Page.GetByLabel("부서명(영문)").FillAsync("Climate and Environment Headquarters");
        await Page.GetByRole(AriaRole.Button, new() { Name = "부서 추가" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).GetByText("저장했습니다.").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"비활성화 {departmentName}" }).WaitForAsync();
        (await Page.Locator(".audit-table").GetByText("admin.seoul@epeople.example").CountAsync()).ShouldBeGreaterThan(0);
        (await Page.Locator(".audit-table").GetByText(departmentName).CountAsync()).ShouldBeGreaterThan(0);
        await ScreenshotAsync("department-added");
        await ShouldBeAccessibleAsync();

        // Another institution's page shows no management controls to this administrator.
        await Page.GotoAsync("/institutions/6260000");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "부산광역시", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.GetByRole(AriaRole.Button, new() { Name = "부서 추가" }).CountAsync()).ShouldBe(0);
    }
}
