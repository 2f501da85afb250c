using EPeople.Application.Petitions;

namespace EPeople.Application.FunctionalTests.Petitions;

/// <summary>What an answer may contain once stored: the sanitiser alone, without a database.</summary>
public sealed class AnswerHtmlTests
{
    [Test]
    public void ShouldKeepTheFormattingAnOfficialUses()
    {
        var html = "<p>안녕하십니까. <strong>보수 공사</strong>를 <em>12월 3일</em>에 시작합니다.</p><ul><li>구간: 역삼로</li></ul><h3>문의</h3>";

        AnswerHtml.Clean(html).ShouldBe(html);
    }

    [TestCase("<p>답변</p><script>alert(1)</script>", "<p>답변</p>")]
    [TestCase("<p onclick=\"steal()\">답변</p>", "<p>답변</p>")]
    [TestCase("<p style=\"position:fixed\">답변</p><img src=x onerror=alert(1)><iframe src=\"https://example.invalid\"></iframe>", "<p>답변</p>")]
    [TestCase("<a href=\"javascript:alert(1)\">링크</a>", "<a rel=\"noopener noreferrer nofollow\">링크</a>")]
    [TestCase("<a href=\"https://www.epeople.go.kr/\" target=\"_top\">민원</a>", "<a href=\"https://www.epeople.go.kr/\" rel=\"noopener noreferrer nofollow\">민원</a>")]
    public void ShouldRemoveWhatCouldRunOrMisleadInTheReadersPage(string input, string stored) =>
        AnswerHtml.Clean(input).ShouldBe(stored);

    [Test]
    public void ShouldTurnPlainTextIntoParagraphsKeepingLineBreaksAndEscapingBrackets()
    {
        var stored = AnswerHtml.Clean("첫 문단입니다.\n둘째 줄 a < b & c\n\n둘째 문단입니다.");

        stored.ShouldBe("<p>첫 문단입니다.<br>둘째 줄 a &lt; b &amp; c</p><p>둘째 문단입니다.</p>");
        AnswerHtml.VisibleText(stored).ShouldContain("a < b & c");
    }

    [Test]
    public void ShouldLeaveNoVisibleTextWhenOnlyAScriptWasGiven() =>
        AnswerHtml.VisibleText(AnswerHtml.Clean("<script>alert('x')</script>")).ShouldBeEmpty();
}
