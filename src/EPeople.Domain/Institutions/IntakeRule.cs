using EPeople.Domain.Auditing;
using EPeople.Domain.Petitions;

namespace EPeople.Domain.Institutions;

/// <summary>
/// Which department of an institution receives a kind of petition (optionally one civil-petition subtype): the
/// institution's own intake desk, edited by its administrator. The most specific rule wins.
/// </summary>
public sealed class IntakeRule : IAggregateMember, IAudited
{
    private IntakeRule()
    {
    }

    internal IntakeRule(Guid institutionId, PetitionKind kind, PetitionSubtype? subtype, Guid departmentId)
    {
        InstitutionId = institutionId;
        Kind = kind;
        Subtype = subtype;
        DepartmentId = departmentId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; private set; }
    public PetitionKind Kind { get; private set; }
    public PetitionSubtype? Subtype { get; private set; }
    public Guid DepartmentId { get; private set; }

    Guid IAggregateMember.AggregateId => InstitutionId;
}
