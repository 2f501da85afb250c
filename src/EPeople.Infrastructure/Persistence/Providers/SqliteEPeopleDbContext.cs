using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EPeople.Infrastructure.Persistence.Providers;

public sealed class SqliteEPeopleDbContext(DbContextOptions<SqliteEPeopleDbContext> options) : EPeopleDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; as UTC ticks it can (and keyset paging needs it).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context SqliteEPeopleDbContext</c> build the model without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEPeopleDbContext>
{
    public SqliteEPeopleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEPeopleDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseRegistration.SqliteOptions).Options);
}
