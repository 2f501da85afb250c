using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EPeople.Infrastructure.Persistence.Providers;

public sealed class SqlServerEPeopleDbContext(DbContextOptions<SqlServerEPeopleDbContext> options) : EPeopleDbContext(options);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerEPeopleDbContext>
{
    public SqlServerEPeopleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEPeopleDbContext>()
            .UseSqlServer("Server=localhost;Database=EPeople;Integrated Security=true;TrustServerCertificate=true",
                DatabaseRegistration.SqlServerOptions).Options);
}
