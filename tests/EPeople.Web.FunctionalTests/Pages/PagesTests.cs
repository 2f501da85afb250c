using System.Net.Http.Json;
using System.Net;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Pages;

public sealed class PagesTests
{
    [Test]
    public async Task ShouldServeTheHomePageInKoreanByDefault()
    {
        using var client = WebTestSetup.Anonymous();

        var html = await client.GetStringAsync("/");

        html.ShouldContain("<html lang=\"ko\"");
        html.ShouldContain("정부에 내는 민원·제안·신고를 한 곳에서");
        html.ShouldContain("공익신고");
    }

    [Test]
    public async Task ShouldRememberTheChosenLanguageInACookie()
    {
        var client = WebTestSetup.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var switched = await client.GetAsync("/culture/set?culture=en&redirectUri=/institutions");
        switched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await client.GetStringAsync("/");

        html.ShouldContain("<html lang=\"en\"");
        html.ShouldContain("Petitions, proposals and reports to the government, in one place");
        client.Dispose();
    }

    [Test]
    public async Task ShouldNotRedirectTheLanguageSwitchToAnotherSite()
    {
        var client = WebTestSetup.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/set?culture=en&redirectUri=//evil.example/");

        response.Headers.Location!.ToString().ShouldBe("/");
        client.Dispose();
    }

    [Test]
    public async Task ShouldRenderTheSignInPageStatically()
    {
        using var client = WebTestSetup.Anonymous();

        var html = await client.GetStringAsync("/account/login");

        html.ShouldContain("<label for=\"login-email\">");
        html.ShouldContain("name=\"__RequestVerificationToken\"");
    }

    [Test]
    public async Task ShouldShowPublicPetitionsToAnyoneWithPersonalDataMasked()
    {
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var title = $"공개 게시판 확인 {Guid.NewGuid():N}"[..24];
        var filed = await (await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Proposal", title, isPublic = true, consentToPersonalData = true, institutionCode = "6110000",
            body = "공원에 그늘막을 더 설치해 주세요. 연락처는 010-7777-8888 입니다.",
        })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var anonymous = WebTestSetup.Anonymous();

        var list = await anonymous.GetStringAsync("/public");
        var page = await anonymous.GetStringAsync($"/public/{filed.GetProperty("id").GetString()}");

        list.ShouldContain(System.Net.WebUtility.HtmlEncode(title));
        page.ShouldContain("010-****-8888");
        page.ShouldNotContain("010-7777-8888");
    }
}
