namespace EPeople.Domain;

/// <summary>An entity saved with its aggregate: changing it bumps the root's <see cref="AggregateRoot.Version"/>.</summary>
public interface IAggregateMember
{
    Guid AggregateId { get; }
}
