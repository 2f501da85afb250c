using EPeople.Workflows.Calendar;

namespace EPeople.Workflows.UnitTests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar =
        BusinessCalendar.FromJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "holidays-kr.json")));

    private static DateTimeOffset Kst(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, BusinessCalendar.KoreaOffset);

    [Test]
    public void ShouldShipHolidaysFor2025To2027()
    {
        Calendar.Covers(2025).ShouldBeTrue();
        Calendar.Covers(2026).ShouldBeTrue();
        Calendar.Covers(2027).ShouldBeTrue();
        Calendar.HolidayOn(new DateOnly(2026, 9, 25))!.NameKo.ShouldBe("추석");
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 5)).ShouldBeFalse(); // 대체공휴일(개천절)
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 28)).ShouldBeFalse(); // a Saturday
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 30)).ShouldBeTrue();
    }

    [Test]
    public void ShouldCountSevenWorkingDaysFromTheDayOfReceipt()
    {
        // Monday 2026-11-30 10:00: day 1 is that Monday, day 7 is Tuesday 2026-12-08.
        var due = Calendar.DueAfter(Kst(2026, 11, 30, 10), WorkflowDuration.Parse("P7WD"));

        due.At.ShouldBe(Kst(2026, 12, 8, 18));
        due.Rule.ShouldBe("WorkingDays");
        due.ExplanationEn.ShouldContain("counting the first day");
        due.ExplanationKo.ShouldContain("첫날");
    }

    [Test]
    public void ShouldStartCountingOnTheNextWorkingDayWhenFiledOnAHoliday()
    {
        // Filed on Saturday 2026-10-03 (개천절); Monday 10-05 is a substitute holiday: day 1 is Tuesday 10-06,
        // Friday 10-09 (한글날) is skipped, so day 7 is Thursday 10-15.
        var due = Calendar.DueAfter(Kst(2026, 10, 3, 11), WorkflowDuration.Parse("P7WD"));

        due.At.ShouldBe(Kst(2026, 10, 15, 18));
        due.SkippedHolidays.Select(h => h.Date).ShouldBe([new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 9)]);
        due.ExplanationKo.ShouldContain("한글날");
    }

    [Test]
    public void ShouldCountFiveDaysOrFewerInWorkingHoursFromReceipt()
    {
        // 3 days = 24 working hours from Monday 10:00: Mon 7 h, Tue 8 h, Wed 8 h, Thu 1 h → Thursday 10:00.
        var due = Calendar.DueAfter(Kst(2026, 11, 30, 10), WorkflowDuration.Parse("P3WD"));

        due.At.ShouldBe(Kst(2026, 12, 3, 10));
        due.Rule.ShouldBe("WorkingHours");
        due.ExplanationEn.ShouldContain("3 × 8 = 24 hours");
    }

    [Test]
    public void ShouldSkipTheLunchBreak()
    {
        // 10:00 + 3 working hours: 10:00–12:00 is 2 hours, 13:00–14:00 the third.
        Calendar.AddWorkingHours(Kst(2026, 11, 30, 10), 3).ShouldBe(Kst(2026, 11, 30, 14));
    }

    [Test]
    public void ShouldTreatImmediatelyAsThreeWorkingHoursAcrossTheNight()
    {
        // Filed Friday 17:00: 1 h on Friday, then Monday 09:00 + 2 h = 11:00.
        var due = Calendar.DueAfter(Kst(2026, 12, 4, 17), WorkflowDuration.Parse("PT3WH"));

        due.At.ShouldBe(Kst(2026, 12, 7, 11));
    }

    [Test]
    public void ShouldWaitForOpeningWhenFiledAtNight()
    {
        Calendar.AddWorkingHours(Kst(2026, 12, 1, 22), 1).ShouldBe(Kst(2026, 12, 2, 10));
    }

    [Test]
    public void ShouldEndAMonthOnTheNextWorkingDayWhenItFallsOnAClosedDay()
    {
        // One month from 2026-09-03 is Saturday 2026-10-03 (개천절); Monday 10-05 is a substitute holiday → Tuesday 10-06.
        var due = Calendar.DueAfter(Kst(2026, 9, 3, 15), WorkflowDuration.Parse("P1M"));

        due.At.ShouldBe(Kst(2026, 10, 6, 18));
        due.ExplanationEn.ShouldContain("next working day");
    }

    [Test]
    public void ShouldCountPlainDaysAsElapsedTime()
    {
        var due = Calendar.DueAfter(Kst(2026, 12, 24, 9), WorkflowDuration.Parse("P14D"));

        due.At.ShouldBe(Kst(2027, 1, 7, 9));
        due.Rule.ShouldBe("Elapsed");
    }

    [Test]
    public void ShouldShiftBackwardsForReminders()
    {
        var due = Kst(2026, 12, 8, 18);

        Calendar.Shift(due, WorkflowDuration.Parse("P1WD"), -1).ShouldBe(Kst(2026, 12, 7, 18));
        Calendar.Shift(due, WorkflowDuration.Parse("PT2WH"), -1).ShouldBe(Kst(2026, 12, 8, 16));
        // Monday 10:00 minus 3 working hours: 1 h on Monday, then Friday from 18:00 back 2 h → Friday 16:00.
        Calendar.Shift(Kst(2026, 12, 7, 10), WorkflowDuration.Parse("PT3WH"), -1).ShouldBe(Kst(2026, 12, 4, 16));
    }

    [Test]
    public void ShouldSayWhenHolidayDataIsMissingForTheYear()
    {
        var due = Calendar.DueAfter(Kst(2028, 3, 6, 10), WorkflowDuration.Parse("P7WD"));

        due.ExplanationEn.ShouldContain("no holiday data for 2028");
    }
}
