using EPeople.Domain.Auditing;

namespace EPeople.Domain.Petitions;

/// <summary>
/// An open consultation (정책참여, policy engagement): an institution asks the public for opinions on a policy until a
/// closing date. Citizens' opinions are petitions of kind PolicyEngagement, due at the consultation's closing date.
/// </summary>
public sealed class Consultation : AggregateRoot, IAudited
{
    private Consultation()
    {
    }

    public string InstitutionCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }

    /// <summary>Opinions are taken until then, and the institution's reply to them is due then.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public static Consultation Open(string institutionCode, string title, string summary, DateTimeOffset opensAt, DateTimeOffset closesAt, string createdBy, DateTimeOffset now)
    {
        if (closesAt <= opensAt || closesAt <= now)
        {
            throw new DomainException("A consultation closes after it opens, and in the future.", "ConsultationDates");
        }

        return new Consultation
        {
            InstitutionCode = institutionCode, Title = title.Trim(), Summary = summary.Trim(), OpensAt = opensAt, ClosesAt = closesAt, CreatedBy = createdBy,
        };
    }

    /// <summary>True while opinions are taken.</summary>
    public bool IsOpenAt(DateTimeOffset at) => at >= OpensAt && at < ClosesAt;
}
