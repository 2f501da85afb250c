using System.Globalization;
using Bunit;
using EPeople.Application.Errors;
using EPeople.Domain;
using EPeople.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Controls;

/// <summary>The core's English error messages show in the UI language; the report itself stays English (the HTTP API's).</summary>
public sealed class ErrorMessagesTests
{
    private static readonly string[] FieldMessages =
    [
        "Give the reason the petitioner will read.",
        "No active institution has the code 1234567.",
        "A message nobody translated.",
    ];

    private static BunitContext Context(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return context;
    }

    private static string[] Shown(IRenderedComponent<FieldErrors> errors) => [.. errors.FindAll("span").Select(s => s.TextContent)];

    [Test]
    public void ShouldShowFieldMessagesInKorean()
    {
        using var context = Context("ko");

        var errors = context.Render<FieldErrors>(ps => ps.Add(f => f.Messages, FieldMessages));

        Shown(errors).ShouldBe(["신청인에게 알릴 사유를 입력하세요.", "기관 코드가 1234567인 운영 중인 기관이 없습니다.", "A message nobody translated."]);
    }

    [Test]
    public void ShouldShowFieldMessagesInEnglishAsTheCoreWroteThem()
    {
        using var context = Context("en");

        var errors = context.Render<FieldErrors>(ps => ps.Add(f => f.Messages, FieldMessages));

        Shown(errors).ShouldBe(FieldMessages);
    }

    [TestCase("ko", "찾을 수 없습니다.", "민원 '42'을(를) 찾을 수 없습니다.")]
    [TestCase("en", "Not found.", "Petition '42' was not found.")]
    public void ShouldShowTheProblemInTheUiLanguage(string culture, string title, string detail)
    {
        using var context = Context(culture);
        var report = ErrorTranslator.Translate(new NotFoundException("Petition", 42));

        var alert = context.Render<ProblemAlert>(ps => ps.Add(a => a.Error, report));

        alert.Find(".problem-alert strong").TextContent.ShouldBe(title);
        alert.Find(".problem-alert span").TextContent.ShouldBe(detail);
        report.Detail.ShouldBe("Petition '42' was not found."); // what the HTTP API sends is untouched
    }

    [TestCase("ko", "규칙에 맞지 않는 요청입니다.", "'답변 완료' 상태인 민원은 더 이상 취하할 수 없습니다.")]
    [TestCase("en", "The request conflicts with a rule.", "A petition that is Answered can no longer be withdrawn.")]
    public void ShouldTranslateTheValuesOfARuleMessageThatHaveAnEntry(string culture, string title, string detail)
    {
        using var context = Context(culture);
        var report = ErrorTranslator.Translate(new DomainException("A petition that is Answered can no longer be withdrawn.", "PetitionNotOpen"));

        var alert = context.Render<ProblemAlert>(ps => ps.Add(a => a.Error, report));

        alert.Find(".problem-alert strong").TextContent.ShouldBe(title);
        alert.Find(".problem-alert span").TextContent.ShouldBe(detail);
    }

    [Test]
    public void ShouldPreferTheEntryWithMoreFixedText()
    {
        using var context = Context("ko");

        var errors = context.Render<FieldErrors>(ps => ps.Add(f => f.Messages, ["Kind must be one of: A, B.", "Kind must be one of A, B."]));

        Shown(errors).ShouldBe(["종류는 다음 중 하나여야 합니다: A, B.", "종류는 A, B 중 하나여야 합니다."]);
    }
}
