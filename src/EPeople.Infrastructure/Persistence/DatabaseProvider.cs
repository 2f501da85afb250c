namespace EPeople.Infrastructure.Persistence;

/// <summary>Configured as <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, zero set-up, single node: the default.</summary>
    Sqlite,

    PostgreSql,

    /// <summary>The production target; its migrations are generated and script-checked (no server runs in CI).</summary>
    SqlServer,
}
