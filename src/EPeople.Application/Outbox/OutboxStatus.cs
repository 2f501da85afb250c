namespace EPeople.Application.Outbox;

public enum OutboxStatus
{
    Pending,
    Dispatched,

    /// <summary>Gave up after the maximum number of attempts; needs an operator.</summary>
    Failed,
}
