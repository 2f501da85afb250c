using EPeople.Application.Calendar;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Calendar;

public sealed class BusinessCalendarTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 9, 28, 10, 0, 0, BusinessCalendar.KoreaOffset);

    [Test]
    public async Task ShouldSeedTheShippedHolidays()
    {
        var holidays = await App.SendAsync(new ListHolidaysQuery(2026));

        holidays.Count.ShouldBe(20);
        holidays.ShouldContain(new HolidayDto(new DateOnly(2026, 9, 25), "추석", "Chuseok", "Public"));
    }

    [Test]
    public async Task ShouldCountATemporaryHolidayOnceTheAdministratorAddsIt()
    {
        // Monday 09-28 + 7 working days, first day counted: 28, 29, 30, 10-01, 10-02, (10-05 substitute) 10-06, 10-07.
        (await App.SendAsync(new PreviewDueDateQuery(MondayMorning, "P7WD"))).At.ShouldBe(new DateTimeOffset(2026, 10, 7, 18, 0, 0, BusinessCalendar.KoreaOffset));

        App.RunAsSystemAdmin();
        await App.SendAsync(new SetHolidayCommand(new DateOnly(2026, 10, 2), "임시공휴일", "Temporary holiday", "Temporary"));

        var due = await App.SendAsync(new PreviewDueDateQuery(MondayMorning, "P7WD"));
        due.At.ShouldBe(new DateTimeOffset(2026, 10, 8, 18, 0, 0, BusinessCalendar.KoreaOffset));
        due.ExplanationKo.ShouldContain("임시공휴일");
        (await App.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "BusinessHolidayRecord" && a.ActorName == "sysadmin@test"))).ShouldBe(1);

        await App.SendAsync(new RemoveHolidayCommand(new DateOnly(2026, 10, 2)));
        (await App.SendAsync(new PreviewDueDateQuery(MondayMorning, "P7WD"))).At.Day.ShouldBe(7);
    }

    [Test]
    public async Task ShouldLetOnlySystemAdministratorsEditAndRefuseBadInput()
    {
        App.RunAsCitizen();
        await Should.ThrowAsync<ForbiddenException>(() => App.SendAsync(new SetHolidayCommand(new DateOnly(2026, 10, 2), "x", "x", "Temporary")));

        App.RunAsSystemAdmin();
        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new SetHolidayCommand(new DateOnly(2026, 10, 3), "", null, "Festival")));
        ex.Errors.Keys.ShouldBe(["nameKo", "nameEn", "kind", "date"], ignoreOrder: true);
        await Should.ThrowAsync<NotFoundException>(() => App.SendAsync(new RemoveHolidayCommand(new DateOnly(2026, 10, 2))));
        await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new PreviewDueDateQuery(MondayMorning, "a week")));
    }

    [Test]
    public async Task ShouldPutADeadlineAtRiskOnItsLastWorkingDayOnly()
    {
        var calendar = await App.ExecuteAsync<EPeople.Workflows.Ports.IBusinessCalendarProvider, BusinessCalendar>(p => p.GetAsync(BusinessCalendars.Government, CancellationToken.None));
        DateTimeOffset Kst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, BusinessCalendar.KoreaOffset);
        string State(DateTimeOffset now, DateTimeOffset due) => SlaRule.At(calendar, now).StateOf(due);

        // Friday 10-02 18:00: at 20:00 the day before, 22 hours remain, but Friday is still a whole working day ahead.
        State(Kst(10, 1, 20), Kst(10, 2, 18)).ShouldBe(SlaRule.OnTime);
        State(Kst(10, 2, 0, 1), Kst(10, 2, 18)).ShouldBe(SlaRule.AtRisk);
        // Tuesday 10-06 14:00, after the weekend and the substitute holiday on Monday 10-05: Friday is not its last working day.
        State(Kst(10, 2, 15), Kst(10, 6, 14)).ShouldBe(SlaRule.OnTime);
        State(Kst(10, 5, 12), Kst(10, 6, 14)).ShouldBe(SlaRule.OnTime);
        State(Kst(10, 6, 9), Kst(10, 6, 14)).ShouldBe(SlaRule.AtRisk);
        State(Kst(10, 6, 14, 1), Kst(10, 6, 14)).ShouldBe(SlaRule.Overdue);
        SlaRule.At(calendar, Kst(10, 2, 15)).StateOf(null).ShouldBe(SlaRule.OnTime);
    }
}
