using EPeople.Application.Abstractions;
using EPeople.Infrastructure.Persistence.Interceptors;
using EPeople.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace EPeople.Infrastructure.Persistence;

internal static class DatabaseRegistration
{
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString("EPeople") ?? "";
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            options.MigrateOnStartup = true;
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                options.ConnectionString = $"Data Source={Path.Combine(contentRootPath, "data", "epeople.db")}";
            }

            // Make the folder of the database file, relative paths being taken from the content root.
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { DefaultTimeout = 30 };
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                builder.DataSource = Path.GetFullPath(file, contentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
            }

            options.ConnectionString = builder.ToString();
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {options.Provider}: set ConnectionStrings:EPeople (e.g. the environment variable ConnectionStrings__EPeople).");
        }

        return options;
    }

    public static IServiceCollection AddEPeopleDatabase(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddScoped<AggregateVersionInterceptor>();
        services.AddScoped<AuditingInterceptor>();
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<EPeopleDbContext, SqliteEPeopleDbContext>((sp, o) =>
                Configure(sp, o.UseSqlite(database.ConnectionString, SqliteOptions))),
            DatabaseProvider.PostgreSql => services.AddDbContext<EPeopleDbContext, PostgreSqlEPeopleDbContext>((sp, o) =>
                Configure(sp, o.UseNpgsql(database.ConnectionString, NpgsqlOptions))),
            DatabaseProvider.SqlServer => services.AddDbContext<EPeopleDbContext, SqlServerEPeopleDbContext>((sp, o) =>
                Configure(sp, o.UseSqlServer(database.ConnectionString, SqlServerOptions))),
            _ => throw new InvalidOperationException($"Unknown database provider {database.Provider}."),
        };
        services.AddScoped<IEPeopleDbContext>(sp => sp.GetRequiredService<EPeopleDbContext>());
        return services;
    }

    internal static void SqliteOptions(SqliteDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");

    internal static void NpgsqlOptions(NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");

    internal static void SqlServerOptions(SqlServerDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(
            services.GetRequiredService<AggregateVersionInterceptor>(),
            services.GetRequiredService<AuditingInterceptor>());
}
