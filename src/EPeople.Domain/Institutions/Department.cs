using EPeople.Domain.Auditing;

namespace EPeople.Domain.Institutions;

/// <summary>A unit inside an institution that receives work; officials belong to exactly one.</summary>
public sealed class Department : IAggregateMember, IAudited
{
    private Department()
    {
    }

    internal Department(Guid institutionId, InstitutionNames names)
    {
        InstitutionId = institutionId;
        NameKo = names.Korean;
        NameEn = names.English;
        IsActive = true;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; private set; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public bool IsActive { get; private set; }

    Guid IAggregateMember.AggregateId => InstitutionId;

    internal void Rename(InstitutionNames names)
    {
        NameKo = names.Korean;
        NameEn = names.English;
    }

    internal void SetActive(bool active) => IsActive = active;
}
