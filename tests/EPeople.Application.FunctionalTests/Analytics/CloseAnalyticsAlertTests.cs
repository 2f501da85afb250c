using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>An analyst closes a burst alert by hand: why (Resolved or NotRelevant), an optional note, who and when; once.</summary>
public sealed class CloseAnalyticsAlertTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Seoul = "6110000";
    private static readonly DateOnly Raised = new(2026, 10, 20);
    private static readonly string Id = $"{Raised:yyyy-MM-dd}/싱크홀";
    private static readonly Guid Analyst = Guid.NewGuid();

    private async Task RunAsAnalystAsync() => App.User.Set("analyst.seoul@test", [Roles.Analyst], await App.InstitutionIdAsync(Seoul), id: Analyst);

    [TestCase("Resolved")]
    [TestCase("NotRelevant")]
    public async Task ShouldRecordTheReasonNoteCloserAndTime(string reason)
    {
        await App.AddAsync(AlertRows.Alert(Id, Raised, institutions: (Seoul, 30)));
        await RunAsAnalystAsync();
        var now = App.Clock.GetUtcNow();

        var closed = await App.SendAsync(new CloseAnalyticsAlertCommand(Id, reason, "  도로과에 전달함  "));

        (closed.Status, closed.CloseReason, closed.ClosedAt, closed.CloseNote).ShouldBe(("Closed", reason, (DateTimeOffset?)now, "도로과에 전달함"));
        var stored = await App.AlertAsync(Id);
        (stored.Status, stored.CloseReason, stored.ClosedBy, stored.ClosedAt, stored.UpdatedAt)
            .ShouldBe((AnalyticsAlertStatus.Closed, Enum.Parse<AnalyticsAlertCloseReason>(reason), (Guid?)Analyst, (DateTimeOffset?)now, now));
        (await App.SendAsync(new ListAnalyticsAlertsQuery(Status: "Closed"))).Items.ShouldHaveSingleItem().CloseReason.ShouldBe(reason);
        (await App.SendAsync(new ListAnalyticsAlertsQuery(Status: "Open"))).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task ShouldCloseAnAcknowledgedAlertAndReturnAClosedOneUnchanged()
    {
        await App.AddAsync(AlertRows.Alert(Id, Raised, institutions: (Seoul, 30)));
        App.RunAsSystemAdmin();
        await App.SendAsync(new AcknowledgeAnalyticsAlertCommand(Id));
        var closedAt = App.Clock.GetUtcNow();

        var closed = await App.SendAsync(new CloseAnalyticsAlertCommand(Id, "Resolved"));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await RunAsAnalystAsync();
        var again = await App.SendAsync(new CloseAnalyticsAlertCommand(Id, "NotRelevant", "다른 사유"));

        (closed.Status, closed.CloseReason, closed.CloseNote).ShouldBe(("Closed", "Resolved", (string?)null));
        again.ShouldBeEquivalentTo(closed);
        var stored = await App.AlertAsync(Id);
        (stored.CloseReason, stored.ClosedAt, stored.CloseNote, stored.ClosedBy == Analyst).ShouldBe((AnalyticsAlertCloseReason.Resolved, (DateTimeOffset?)closedAt, (string?)null, false));
        await Should.ThrowAsync<ConflictException>(() => App.SendAsync(new AcknowledgeAnalyticsAlertCommand(Id)));
    }

    [Test]
    public async Task ShouldRefuseAReasonNotGivenToAnalystsAndATooLongNote()
    {
        await App.AddAsync(AlertRows.Alert(Id, Raised, institutions: (Seoul, 30)));
        await RunAsAnalystAsync();

        foreach (var reason in new[] { null, "", "Quiet", "resolved", "Closed", "0" })
        {
            var refused = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new CloseAnalyticsAlertCommand(Id, reason)));
            refused.Errors.Keys.ShouldBe(["reason"], $"reason '{reason}'");
        }

        var tooLong = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new CloseAnalyticsAlertCommand(Id, "Resolved", new string('가', 1001))));
        tooLong.Errors.Keys.ShouldBe(["note"]);
        (await App.SendAsync(new CloseAnalyticsAlertCommand(Id, "Resolved", new string('가', 1000)))).CloseNote!.Length.ShouldBe(1000);
    }

    [Test]
    public async Task ShouldAnswerNotFoundForAnUnknownAlertAndRefuseCitizensAndOfficials()
    {
        await App.AddAsync(AlertRows.Alert(Id, Raised, institutions: (Seoul, 30)));
        await RunAsAnalystAsync();
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new CloseAnalyticsAlertCommand($"{Raised:yyyy-MM-dd}/없는주제", "Resolved")));

        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new CloseAnalyticsAlertCommand(Id, "Resolved")));
        App.User.Set("officer.seoul@test", [Roles.Official], await App.InstitutionIdAsync(Seoul));
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new CloseAnalyticsAlertCommand(Id, "Resolved")));
        await RunAsAnalystAsync();
        (await App.AlertAsync(Id)).Status.ShouldBe(AnalyticsAlertStatus.Open);
    }
}
