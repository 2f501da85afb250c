using EPeople.Domain.Auditing;
using EPeople.Domain.Petitions;

namespace EPeople.Domain.Institutions;

/// <summary>A petition kind an institution accepts (one row per kind).</summary>
public sealed class InstitutionServiceType : IAggregateMember, IAudited
{
    private InstitutionServiceType()
    {
    }

    internal InstitutionServiceType(Guid institutionId, PetitionKind kind)
    {
        InstitutionId = institutionId;
        Kind = kind;
    }

    public Guid InstitutionId { get; private set; }
    public PetitionKind Kind { get; private set; }

    Guid IAggregateMember.AggregateId => InstitutionId;
}
