namespace EPeople.Application.Analytics.Alerts;

/// <summary>Where an analyst has got with an alert.</summary>
public enum AnalyticsAlertStatus
{
    Open,
    Acknowledged,
    Closed,
}

/// <summary>
/// Why an alert was closed: by an analyst (<see cref="Resolved"/>, <see cref="NotRelevant"/>) or by
/// <see cref="QuietAlertsStep"/> when the topic stopped bursting (<see cref="Quiet"/>).
/// </summary>
public enum AnalyticsAlertCloseReason
{
    Resolved,
    NotRelevant,
    Quiet,
}

/// <summary>A petition shown with an alert: its id and its title masked (names, numbers, addresses).</summary>
public sealed record AlertExample(string PetitionId, DateOnly FiledOn, string Title);

/// <summary>How many of an alert's petitions an institution has.</summary>
public sealed record AlertInstitution(string Code, int Count);

/// <summary>
/// A burst the detector raised (<see cref="Bursts.BurstAlert"/>), kept by <see cref="BurstAlertsStep"/>: one row per
/// alert id, updated in place while the topic keeps bursting. The lists are JSON text, read and written whole.
/// </summary>
public sealed class AnalyticsAlertRecord
{
    /// <summary>The detector's stable id: the day raised and the leading key (<c>2019-03-05/미세먼지</c>).</summary>
    public string Id { get; set; } = "";

    public DateOnly RaisedOn { get; set; }
    public DateOnly LastSeenOn { get; set; }
    public int Days { get; set; }

    /// <summary>JSON array of the topic's terms, strongest first.</summary>
    public string Terms { get; set; } = "[]";

    public int Count { get; set; }
    public double Expected { get; set; }
    public double Growth { get; set; }
    public double PValue { get; set; }
    public double Score { get; set; }

    /// <summary>Topic petitions over every day it burst.</summary>
    public int TotalCount { get; set; }

    /// <summary>JSON array of <see cref="AlertExample"/>.</summary>
    public string Examples { get; set; } = "[]";

    /// <summary>JSON array of <see cref="AlertInstitution"/>, most petitions first.</summary>
    public string Institutions { get; set; } = "[]";

    /// <summary>
    /// JSON array: petitions per day carrying the leading key, for the <see cref="SeriesDays"/> days up to
    /// <see cref="LastSeenOn"/> (the sparkline), taken from the detector when the alert is stored.
    /// </summary>
    public string Series { get; set; } = "[]";

    public AnalyticsAlertStatus Status { get; set; } = AnalyticsAlertStatus.Open;
    public Guid? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The analyst who closed it; null when it closed itself (<see cref="AnalyticsAlertCloseReason.Quiet"/>).</summary>
    public Guid? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    public AnalyticsAlertCloseReason? CloseReason { get; set; }
    public string? CloseNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int SeriesDays = 28;
    public const int CloseNoteMaxLength = 1000;

    /// <summary>Closes the alert, open or acknowledged; false (and nothing changed) when it is closed already.</summary>
    public bool Close(AnalyticsAlertCloseReason reason, string? note, Guid? by, DateTimeOffset at)
    {
        if (Status == AnalyticsAlertStatus.Closed)
        {
            return false;
        }

        (Status, CloseReason, CloseNote, ClosedBy, ClosedAt, UpdatedAt) = (AnalyticsAlertStatus.Closed, reason, note, by, at, at);
        return true;
    }

    /// <summary>Opens a closed alert again, as new: the closing and the acknowledgement are forgotten.</summary>
    public void Reopen(DateTimeOffset at)
    {
        (Status, CloseReason, CloseNote, ClosedBy, ClosedAt) = (AnalyticsAlertStatus.Open, null, null, null, null);
        (AcknowledgedBy, AcknowledgedAt, UpdatedAt) = (null, null, at);
    }
}
