namespace EPeople.Domain.Privacy;

/// <summary>
/// One read of a citizen's personal data by an official: who, when, from where, whose data, which record and what
/// they did with it. Written in the same unit of work as the read; citizens can be shown who looked at their data.
/// </summary>
public sealed class PersonalDataAccess
{
    private PersonalDataAccess()
    {
    }

    public PersonalDataAccess(DateTimeOffset at, Guid? actorId, string actorName, string? ipAddress, Guid subjectId, string record, string action, string? purpose = null)
    {
        Purpose = purpose;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        IpAddress = ipAddress;
        SubjectId = subjectId;
        Record = record;
        Action = action;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? IpAddress { get; private set; }

    /// <summary>Whose data (the citizen's account).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>Which record was read, e.g. "petition:{id}".</summary>
    public string Record { get; private set; } = "";

    /// <summary>What was done: <c>ViewMasked</c>, <c>Reveal</c>, <c>Export</c>…</summary>
    public string Action { get; private set; } = "";

    /// <summary>Why, in the official's words, when they asked to see the data unmasked.</summary>
    public string? Purpose { get; private set; }
}
