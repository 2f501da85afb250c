namespace EPeople.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section plus <c>ConnectionStrings:EPeople</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:EPeople</c>; for SQLite defaults to <c>data/epeople.db</c> under the content root.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations at start-up. Always on for SQLite; otherwise use the <c>migrate</c> command.</summary>
    public bool MigrateOnStartup { get; set; }
}
