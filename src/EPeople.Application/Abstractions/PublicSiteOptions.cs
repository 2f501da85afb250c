namespace EPeople.Application.Abstractions;

/// <summary>
/// Where citizens reach the site. Links in e-mails are built from this configured address, never from the
/// request's Host header, which a caller controls.
/// </summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PublicSite";

    public string BaseUrl { get; set; } = "http://localhost:5000";
}
