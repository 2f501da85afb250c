using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// The journey a real pair of users takes (issue 5): a citizen files a grievance through the wizard and gets a receipt; an
/// official of the routed institution finds it in the worklist, unmasks the contact for a stated purpose and transfers
/// it; an official of the ministry answers in rich text; the citizen sees reception → transfer → result and rates the
/// answer 2/5; the additional-answer task appears in the ministry's worklist. Another institution's official cannot
/// open the task, and another citizen cannot open the petition.
/// </summary>
public sealed class CitizenPetitionJourneyTests : BrowserTest
{
    // Once the list has loaded (rows or the empty message), no row carries the title.
    private async Task ShouldNotBeInTheWorklistAsync(string title)
    {
        await Page.Locator("[data-testid=worklist], [data-testid=worklist-empty]").First.WaitForAsync();
        (await Page.Locator("[data-testid=worklist] tr", new() { HasText = title }).CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task ACitizenFollowsTheThreeStepsAndRatesTheAnswer()
    {
        var title = $"횡단보도 신호 시간 연장 요청 {Random.Shared.Next(1000, 9999)}";

        // Filing through the wizard: kind → institution (suggested) → content → contact and consent → review → receipt.
        await Page.GotoAsync("/account/login?returnUrl=/petitions/new");
        await Page.GetByLabel("이메일 주소").FillAsync("citizen1@epeople.example");
        await Page.GetByLabel("비밀번호").FillAsync("Demo-2026!citizen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "민원 신청", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "다음" }).ClickAsync();
        await Page.GetByText("신청할 종류를 고르세요.").WaitForAsync(); // nothing chosen: the step says what it lacks
        await Page.GetByRole(AriaRole.Radio, new() { Name = "민원 —" }).CheckAsync();
        await Page.GetByLabel("민원 유형").SelectOptionAsync("Grievance");
        await ScreenshotAsync("wizard-kind");
        await Page.GetByRole(AriaRole.Button, new() { Name = "다음" }).ClickAsync();

        await Page.GetByLabel("지역 코드 (선택)").FillAsync("11");
        await Page.GetByRole(AriaRole.Button, new() { Name = "처리기관 추천 받기" }).ClickAsync();
        await Page.GetByTestId("suggestion").GetByText("서울특별시").WaitForAsync();
        await ScreenshotAsync("wizard-institution");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "다음" }).ClickAsync();

        await Page.GetByLabel("제목").FillAsync(title);
        await Page.GetByLabel("내용", new() { Exact = true }).FillAsync("초등학교 앞 횡단보도의 보행 신호가 너무 짧습니다. 연락은 010-3333-4444 로 주세요.");
        await Page.GetByTestId("personal-data-warning").WaitForAsync();
        await ScreenshotAsync("wizard-content");
        await Page.GetByRole(AriaRole.Button, new() { Name = "다음" }).ClickAsync();

        await Page.GetByLabel("민원 처리를 위한 개인정보 이용에 동의합니다 (필수)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "다음" }).ClickAsync();
        await Page.GetByTestId("review").WaitForAsync();
        await ScreenshotAsync("wizard-review");
        await Page.GetByRole(AriaRole.Button, new() { Name = "신청하기" }).ClickAsync();

        await Page.GetByTestId("receipt-number").WaitForAsync();
        (await Page.GetByTestId("receipt-number").TextContentAsync()).ShouldStartWith("EP-");
        (await Page.GetByTestId("receipt").TextContentAsync())!.ShouldContain("서울특별시");
        await ScreenshotAsync("receipt");
        await ShouldBeAccessibleAsync();

        // The reception notice is in the in-app inbox.
        await Page.GetByRole(AriaRole.Link, new() { Name = "알림", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "알림", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        var notice = Page.Locator("[data-testid=notices] li").First;
        (await notice.TextContentAsync())!.ShouldContain("새 알림");
        await ScreenshotAsync("notices");
        await ShouldBeAccessibleAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "읽음으로 표시" }).ClickAsync();
        await Page.GetByTestId("unread").GetByText("읽지 않은 알림 0건").WaitForAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "내 민원", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "내 민원", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).WaitForAsync();
        await ScreenshotAsync("my-petitions");
        await ShouldBeAccessibleAsync();
        var id = (await Page.GetByRole(AriaRole.Link, new() { Name = title }).GetAttributeAsync("href"))!.Split('/')[^1];
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        (await Page.Locator("[data-step=Reception]").GetAttributeAsync("data-state")).ShouldBe("Current");
        await ScreenshotAsync("received");

        // An official of Seoul finds the petition in the institution's worklist and takes it.
        await SignInAsync("officer.seoul@epeople.example", "Demo-2026!official", "/worklist");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        var row = Page.Locator("[data-testid=worklist] tr", new() { HasText = title });
        await row.WaitForAsync();
        (await row.TextContentAsync())!.ShouldContain("기한 내");
        await ScreenshotAsync("worklist");
        await ShouldBeAccessibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "맡기" }).ClickAsync();
        await row.GetByText("officer.seoul@epeople.example 담당").WaitForAsync();
        await ScreenshotAsync("worklist-claimed");

        // ...opens its task page, where the petitioner's data is masked until the official unmasks it for a stated purpose,
        // and transfers the petition to the Ministry of Land, Infrastructure and Transport, found with the picker.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.Locator(".petition-body").TextContentAsync())!.ShouldContain("010-****-4444");
        await Page.GetByTestId("reveal").Locator("summary").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "가림 해제" }).ClickAsync();
        await Page.Locator("#reveal-errors").WaitForAsync(); // no purpose, no unmasking: the error sits by the field
        await Page.GetByLabel("열람 목적").FillAsync("신청인 연락처 확인");
        await Page.GetByRole(AriaRole.Button, new() { Name = "가림 해제" }).ClickAsync();
        await Page.GetByTestId("revealed").WaitForAsync();
        (await Page.Locator(".petition-body").TextContentAsync())!.ShouldContain("010-3333-4444");
        await ScreenshotAsync("task-revealed");
        await Page.GetByLabel("다른 기관으로 이송").CheckAsync();
        await Page.GetByLabel("이송할 기관").FillAsync("국토");
        await Page.GetByTestId("institution-picker").GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Page.Locator("[data-testid=institution-picker] button[data-code='1613000']").ClickAsync();
        await Page.GetByTestId("picker-chosen").GetByText("국토교통부").WaitForAsync();
        await Page.GetByLabel("사유", new() { Exact = true }).FillAsync("국도 구간의 신호는 국토교통부 소관입니다.");
        await ScreenshotAsync("task-transfer");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "처리하기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
        await ShouldNotBeInTheWorklistAsync(title); // gone from Seoul's list

        // An official of the ministry finds it among the tasks on time (the badge counts it) and answers in rich text.
        await SignInAsync("officer.molit@epeople.example", "Demo-2026!official", "/worklist?sla=OnTime");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
        await WaitForInteractiveAsync();
        var molitRow = Page.Locator("[data-testid=worklist] tr", new() { HasText = title });
        await molitRow.WaitForAsync();
        (await Page.Locator("[data-count=OnTime]").TextContentAsync()).ShouldNotBe("0");
        (await Page.Locator("[data-sla=OnTime]").GetAttributeAsync("aria-pressed")).ShouldBe("true");
        await ScreenshotAsync("worklist-transferred");
        await ShouldBeAccessibleAsync();
        var taskPage = (await molitRow.GetByRole(AriaRole.Link).GetAttributeAsync("href"))!;
        await molitRow.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByTestId("task-action").WaitForAsync();
        await WaitForInteractiveAsync();
        await Page.GetByTestId("claim").ClickAsync();
        await Page.GetByTestId("release").WaitForAsync(); // taken by me
        await Page.GetByLabel("답변", new() { Exact = true }).First.CheckAsync();
        var editor = Page.Locator(".rz-html-editor-content"); // the editable area of the rich-text editor
        await editor.ClickAsync();
        await editor.PressSequentiallyAsync("신호 시간을 5초 늘렸습니다.");
        await ScreenshotAsync("task-answer");
        await ShouldBeAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "처리하기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "업무 목록", Level = 1 }).WaitForAsync();
        await ShouldNotBeInTheWorklistAsync(title); // the handling task is done

        await SignInAsync("citizen1@epeople.example", "Demo-2026!citizen", $"/petitions/{id}");
        await Page.GetByTestId("answer").WaitForAsync();
        await WaitForInteractiveAsync();
        (await Page.GetByTestId("answer").TextContentAsync()).ShouldBe("신호 시간을 5초 늘렸습니다.");
        (await Page.Locator("[data-step=Reception]").GetAttributeAsync("data-state")).ShouldBe("Done");
        (await Page.Locator("[data-step=Transfer]").GetAttributeAsync("data-state")).ShouldBe("Done");
        (await Page.Locator("[data-step=Result]").GetAttributeAsync("data-state")).ShouldBe("Done");
        await ScreenshotAsync("answered");
        await ShouldBeAccessibleAsync();

        await Page.GetByLabel("2 — 불만족").CheckAsync();
        await Page.GetByLabel("의견 (선택)").FillAsync("5초로는 부족합니다.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "평가 보내기" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).GetByText("기관이 추가 답변을 드립니다").WaitForAsync();
        await ScreenshotAsync("rated");

        // The dissatisfied rating puts an additional-answer task in the answering institution's worklist.
        await SignInAsync("officer.molit@epeople.example", "Demo-2026!official", "/worklist");
        await Page.Locator("[data-testid=worklist] tr", new() { HasText = title }).GetByText("추가답변").WaitForAsync();
        await ScreenshotAsync("additional-answer-task");

        // An official of another institution (Seoul, which transferred it) may not open the ministry's task; another
        // citizen does not learn the petition exists.
        await SignInAsync("officer.seoul@epeople.example", "Demo-2026!official", "/" + taskPage);
        await Page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await Page.GetByTestId("task-action").CountAsync()).ShouldBe(0);
        await ScreenshotAsync("other-institution-forbidden");
        await SignInAsync("citizen2@epeople.example", "Demo-2026!citizen", $"/petitions/{id}");
        await Page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await Page.GetByRole(AriaRole.Heading, new() { Name = title }).CountAsync()).ShouldBe(0);
        await ScreenshotAsync("other-citizen-not-found");
        using var other = await ApiAsync("citizen2@epeople.example", "Demo-2026!citizen");
        (await other.GetAsync($"/api/v1/petitions/{id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
