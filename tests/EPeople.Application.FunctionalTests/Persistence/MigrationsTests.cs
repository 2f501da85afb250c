using EPeople.Application.FunctionalTests.Testing;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EPeople.Application.FunctionalTests.Persistence;

/// <summary>
/// SQL Server cannot run here, so its support is proven offline: the migrations generate a script that
/// creates every table, and no provider's migrations lag behind the model. Data a migration fills in is checked on
/// SQLite and PostgreSQL.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly string[] ExpectedTables =
    [
        "institutions", "departments", "institution_service_types", "audit_entries", "outbox",
        "asp_net_users", "asp_net_roles", "asp_net_user_roles", "data_protection_keys",
        "petition_similarity", "petition_similarity_bands", "petition_groups", "petition_group_members", "analytics_alerts",
        "analytics_alert_institutions",
    ];

    private static SqlServerEPeopleDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerEPeopleDbContext>()
            .UseSqlServer("Server=unreachable.invalid;Database=EPeople;Integrated Security=true;TrustServerCertificate=true",
                o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);

    [Test]
    public void ShouldGenerateAnIdempotentSqlServerScriptThatCreatesEveryTable()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in ExpectedTables)
        {
            script.ShouldContain($"CREATE TABLE [{table}]");
        }

        script.ShouldContain("CREATE UNIQUE INDEX [ix_institutions_code] ON [institutions] ([code])");
        script.ShouldContain("CREATE UNIQUE INDEX [ix_outbox_idempotency_key]");
        script.ShouldContain("[version] bigint NOT NULL");
        script.ShouldContain("IF NOT EXISTS");
        script.ShouldContain("[__ef_migrations_history]");
    }

    [Test]
    public void ShouldMapTheConcurrencyTokenOnEveryProvider()
    {
        using var db = SqlServer();

        var version = db.Model.FindEntityType(typeof(EPeople.Domain.Institutions.Institution))!.FindProperty("Version")!;

        version.IsConcurrencyToken.ShouldBeTrue();
        version.GetColumnName().ShouldBe("version");
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void ShouldHaveNoModelChangesMissingFromTheMigrations(DatabaseProvider provider)
    {
        using DbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
            DatabaseProvider.PostgreSql => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
            _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
        };

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"Add a migration: dotnet ef migrations add <Name> --project src/EPeople.Infrastructure --context {provider}EPeopleDbContext");
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task ShouldFillTheAlertInstitutionRowsFromTheAlertsStoredBeforeThem(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-migration-").FullName;
        var database = await TestDatabase.CreateAsync(provider, folder);
        try
        {
            await using EPeopleDbContext db = provider == DatabaseProvider.Sqlite
                ? new SqliteEPeopleDbContext(new DbContextOptionsBuilder<SqliteEPeopleDbContext>().UseSqlite(database.ConnectionString, DatabaseRegistration.SqliteOptions).Options)
                : new PostgreSqlEPeopleDbContext(new DbContextOptionsBuilder<PostgreSqlEPeopleDbContext>().UseNpgsql(database.ConnectionString, DatabaseRegistration.NpgsqlOptions).Options);
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var lifecycle = migrations.FindIndex(m => m.EndsWith("_AnalyticsAlertLifecycle", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[lifecycle - 1]);
            var createdAt = provider == DatabaseProvider.Sqlite ? "0" : "now()";
            await using (var connection = database.OpenConnection())
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = $$"""
                INSERT INTO analytics_alerts (id, raised_on, last_seen_on, days, terms, count, expected, growth, p_value, score, total_count,
                    examples, institutions, series, status, created_at, updated_at)
                VALUES ('2026-11-02/싱크홀', '2026-11-02', '2026-11-03', 2, '["싱크홀"]', 30, 1.5, 20, 0.000001, 6, 70, '[]',
                        '[{"code":"6110000","count":20},{"code":"6260000","count":10}]', '[]', 'Acknowledged', {{createdAt}}, {{createdAt}}),
                       ('2026-11-03/폭염', '2026-11-03', '2026-11-03', 1, '["폭염"]', 9, 1, 9, 0.0001, 4, 9, '[]', '[]', '[]', 'Open', {{createdAt}}, {{createdAt}})
                """;
                await insert.ExecuteNonQueryAsync();
            }

            await migrator.MigrateAsync();

            var rows = await db.AnalyticsAlertInstitutions.AsNoTracking().ToListAsync();
            rows.Select(r => (r.AlertId, r.InstitutionCode, r.Count, r.RaisedOn)).OrderBy(r => r.InstitutionCode, StringComparer.Ordinal)
                .ShouldBe([("2026-11-02/싱크홀", "6110000", 20, new DateOnly(2026, 11, 2)), ("2026-11-02/싱크홀", "6260000", 10, new DateOnly(2026, 11, 2))]);
            (await db.AnalyticsAlerts.AsNoTracking().Select(a => a.CloseReason).ToListAsync()).ShouldAllBe(r => r == null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
