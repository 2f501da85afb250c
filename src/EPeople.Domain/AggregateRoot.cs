namespace EPeople.Domain;

/// <summary>
/// The root of a consistency boundary. <see cref="Version"/> is an application-managed concurrency token:
/// the persistence layer increments it on every save that touches the aggregate (or one of its members),
/// and a save whose stored version differs fails with a conflict. It works the same on SQLite, PostgreSQL
/// and SQL Server, unlike rowversion/xmin.
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public long Version { get; private set; }
}
