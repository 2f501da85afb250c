using System.Data.Common;
using EPeople.Infrastructure.Persistence;
using EPeople.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>A migrated database of one provider that Respawn empties between tests.</summary>
public sealed class TestDatabase
{
    private Respawner? _respawner;

    private TestDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string folder)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "tests.db")}");
            case DatabaseProvider.PostgreSql:
                var server = await SharedPostgres.GetAsync();
                return new TestDatabase(provider, await server.CreateDatabaseAsync("app_" + Guid.NewGuid().ToString("N")[..8]));
            default:
                throw new NotSupportedException($"{provider} cannot run here; its migrations are checked by script.");
        }
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Deletes every row except the migrations history (create the respawner after migrating).</summary>
    public async Task ResetAsync()
    {
        // SQLite cannot switch foreign keys off inside Respawn's transaction, and the institutions hierarchy
        // references itself; the reset connection opens with them off instead.
        await using var connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = false }.ToString())
            : OpenConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Provider == DatabaseProvider.Sqlite ? DbAdapter.Sqlite : DbAdapter.Postgres,
            SchemasToInclude = Provider == DatabaseProvider.Sqlite ? [] : ["public"],
            TablesToIgnore = [new Table("__ef_migrations_history")],
        });
        await _respawner.ResetAsync(connection);
    }
}
