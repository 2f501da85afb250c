using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EPeople.Application.FunctionalTests.Persistence;

/// <summary>
/// SQL Server cannot run here, so its support is proven offline: the migrations generate a script that
/// creates every table, and no provider's migrations lag behind the model.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly string[] ExpectedTables =
    [
        "institutions", "departments", "institution_service_types", "audit_entries", "outbox",
        "asp_net_users", "asp_net_roles", "asp_net_user_roles", "data_protection_keys",
        "petition_similarity", "petition_similarity_bands", "petition_groups", "petition_group_members", "analytics_alerts",
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
}
