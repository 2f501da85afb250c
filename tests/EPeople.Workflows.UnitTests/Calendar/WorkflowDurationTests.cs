using EPeople.Workflows.Calendar;

namespace EPeople.Workflows.UnitTests.Calendar;

public sealed class WorkflowDurationTests
{
    [TestCase("P7WD", DurationUnit.WorkingDays, 7)]
    [TestCase("P14WD", DurationUnit.WorkingDays, 14)]
    [TestCase("PT3WH", DurationUnit.WorkingHours, 3)]
    public void ShouldParseWorkingTime(string text, DurationUnit unit, int amount)
    {
        var duration = WorkflowDuration.Parse(text);

        duration.Unit.ShouldBe(unit);
        duration.Amount.ShouldBe(amount);
    }

    [TestCase("P14D", 14 * 24 * 60)]
    [TestCase("PT2H", 120)]
    [TestCase("P1DT12H30M", 36 * 60 + 30)]
    [TestCase("PT90M", 90)]
    public void ShouldParseElapsedTime(string text, int minutes)
    {
        var duration = WorkflowDuration.Parse(text);

        duration.Unit.ShouldBe(DurationUnit.Elapsed);
        duration.Elapsed.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [TestCase("P1M", 1, 0)]
    [TestCase("P2W", 0, 14)]
    [TestCase("P1Y2M", 14, 0)]
    public void ShouldParseCalendarPeriods(string text, int months, int days)
    {
        var duration = WorkflowDuration.Parse(text);

        duration.Unit.ShouldBe(DurationUnit.CalendarPeriod);
        duration.Months.ShouldBe(months);
        duration.Days.ShouldBe(days);
    }

    [TestCase("")]
    [TestCase("7 days")]
    [TestCase("P0WD")]
    [TestCase("P0D")]
    [TestCase("PT")]
    [TestCase("P")]
    [TestCase("-P1D")]
    [TestCase("P1.5D")]
    public void ShouldRejectWhatIsNotAPositiveDuration(string text) =>
        WorkflowDuration.TryParse(text, out _).ShouldBeFalse();
}
