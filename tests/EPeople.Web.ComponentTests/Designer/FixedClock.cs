namespace EPeople.Web.ComponentTests.Designer;

/// <summary>A clock stopped at one instant, for due-date previews and test runs that start "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
