using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EPeople.Infrastructure.Persistence.Providers;

public sealed class PostgreSqlEPeopleDbContext(DbContextOptions<PostgreSqlEPeopleDbContext> options) : EPeopleDbContext(options);

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlEPeopleDbContext>
{
    public PostgreSqlEPeopleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlEPeopleDbContext>()
            .UseNpgsql("Host=localhost;Database=epeople_design", DatabaseRegistration.NpgsqlOptions).Options);
}
