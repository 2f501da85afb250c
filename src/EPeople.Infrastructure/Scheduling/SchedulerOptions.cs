namespace EPeople.Infrastructure.Scheduling;

/// <summary>The <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Run Quartz in this process. Off in tests that drive jobs by hand; on everywhere else.</summary>
    public bool Enabled { get; set; } = true;

    public int OutboxPollSeconds { get; set; } = 5;
}
