namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// One institution concerned by an alert, as a row (analytics_alert_institutions): the alert's
/// <see cref="AnalyticsAlertRecord.Institutions"/> JSON made indexable, so the list filtered by institution reads
/// (institution_code, raised_on desc, alert_id) in page order. <see cref="RaisedOn"/> is the alert's, copied for that
/// keyset. Kept by <see cref="AlertInstitutionIndex"/> whenever the burst step writes the alert.
/// </summary>
public sealed class AnalyticsAlertInstitutionRecord
{
    public string AlertId { get; set; } = "";
    public string InstitutionCode { get; set; } = "";

    /// <summary>How many of the alert's petitions the institution has.</summary>
    public int Count { get; set; }

    public DateOnly RaisedOn { get; set; }
}
