using System.Globalization;
using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Petitions;
using EPeople.Application.Petitions.Notices;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using EPeople.Infrastructure.Outbox;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Petitions;

/// <summary>The three-step notices: in-app inbox, e-mail and text message, written with the step they report.</summary>
public sealed class PetitionNoticeTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly Guid CitizenId = Guid.NewGuid();

    private void RunAsTheCitizen() => App.User.Set("citizen@test", [Roles.Citizen], id: CitizenId);

    private async Task<PetitionFiledDto> FileAsync()
    {
        RunAsTheCitizen();
        return await App.SendAsync(new FilePetitionCommand("CivilPetition", "Grievance", "가로등 고장 신고", "골목길 가로등이 일주일째 꺼져 있어 밤길이 위험합니다. 수리해 주세요.",
            "6110000", null, false, "010-1234-5678", "minjun@example.com", true));
    }

    private async Task<TaskSummaryDto> TaskAtAsync(string institution)
    {
        App.User.Set($"officer.{institution}@test", [Roles.Official], await App.InstitutionIdAsync(institution), position: "Officer");
        return (await App.SendAsync(new ListTasksQuery())).Items.Single();
    }

    [Test]
    public async Task ShouldTellThePetitionerOfReceptionTransferAndResultOnEveryChannel()
    {
        var filed = await FileAsync();
        var seoul = await TaskAtAsync("6110000");
        await App.SendAsync(new CompleteTaskCommand(seoul.Id, "Transfer", new JsonObject { ["institutionCode"] = "1613000", ["reason"] = "국토교통부 소관 도로" }, seoul.Revision, "op-1"));
        var molit = await TaskAtAsync("1613000");
        await App.SendAsync(new CompleteTaskCommand(molit.Id, "Answer", new JsonObject { ["answer"] = "11월 20일에 교체합니다." }, molit.Revision, "op-2"));

        RunAsTheCitizen();
        var inbox = await App.SendAsync(new ListMyNoticesQuery());
        inbox.Items.Select(n => n.Kind).ShouldBe(["Answered", "Transferred", "Received"]);
        inbox.Unread.ShouldBe(3);
        inbox.Items[2].Title.ShouldBe($"[e-People] 민원이 접수되었습니다 ({filed.ReceiptNumber})");
        inbox.Items[2].Body.ShouldContain("처리 기관: 서울특별시");
        inbox.Items[1].Body.ShouldContain("국토교통부");
        inbox.Items[1].Body.ShouldContain("이송 사유: 국토교통부 소관 도로");

        var outbox = await App.QueryDbAsync(db => db.OutboxMessages.Where(m => m.Source == "application").Select(m => m.Type).ToListAsync());
        outbox.Count(t => t == "email").ShouldBe(3);
        outbox.Count(t => t == "sms").ShouldBe(3);
        var smsFolder = Path.Combine(App.Folder, "data", "sms-outbox");
        if (Directory.Exists(smsFolder))
        {
            Directory.Delete(smsFolder, recursive: true);
        }

        await App.ExecuteAsync<OutboxDispatcher, int>(d => d.DispatchDueAsync(20, CancellationToken.None));
        var texts = Directory.GetFiles(smsFolder, "*.txt").Select(File.ReadAllText).ToList();
        texts.Count.ShouldBe(3);
        texts.ShouldAllBe(t => t.StartsWith("To: 010-1234-5678", StringComparison.Ordinal));

        var read = await App.SendAsync(new MarkNoticeReadCommand(inbox.Items[0].Id));
        read.IsRead.ShouldBeTrue();
        (await App.SendAsync(new ListMyNoticesQuery())).Unread.ShouldBe(2);
        App.User.Set("someone.else@test", [Roles.Citizen]);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new MarkNoticeReadCommand(inbox.Items[0].Id)));
        (await App.SendAsync(new ListMyNoticesQuery())).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldWriteNoticesInTheLanguageThePetitionWasFiledIn()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var filed = await FileAsync();
            var notice = (await App.SendAsync(new ListMyNoticesQuery())).Items.Single();
            notice.Title.ShouldBe($"[e-People] Your petition was received ({filed.ReceiptNumber})");
            notice.Body.ShouldContain("Handled by: Seoul Metropolitan Government");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
