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
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            // Npgsql resets a pooled connection with DISCARD ALL, which PostgreSQL runs (and counts) as a transaction of
            // its own: one extra commit per request. We never leave session state behind, so the reset is skipped
            // unless the connection string asks for it.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (!options.ConnectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            {
                builder.NoResetOnClose = true;
            }

            // The same few dozen statements run on every request: prepared once per physical connection, PostgreSQL
            // skips parsing and planning them (about a third of its CPU per filing) — unless the operator says otherwise.
            if (!options.ConnectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 2;
            }

            options.ConnectionString = builder.ConnectionString;
        }

        return options;
    }

    /// <summary>
    /// Contexts are pooled and their options built once: building options per scope (with scoped interceptors) cost
    /// about half a millisecond of CPU per command, more than the engine itself. Each scope rents a context and hands
    /// it the scope's user for the audit rows; disposing the scope returns it to the pool.
    /// </summary>
    public static IServiceCollection AddEPeopleDatabase(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton<AggregateVersionInterceptor>();
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<InstitutionDirectoryInterceptor>();
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => AddPooled<SqliteEPeopleDbContext>(services, o => o.UseSqlite(database.ConnectionString, SqliteOptions)),
            DatabaseProvider.PostgreSql => AddPooled<PostgreSqlEPeopleDbContext>(services, o => o.UseNpgsql(database.ConnectionString, NpgsqlOptions)),
            DatabaseProvider.SqlServer => AddPooled<SqlServerEPeopleDbContext>(services, o => o.UseSqlServer(database.ConnectionString, SqlServerOptions)),
            _ => throw new InvalidOperationException($"Unknown database provider {database.Provider}."),
        };
        services.AddScoped<IEPeopleDbContext>(sp => sp.GetRequiredService<EPeopleDbContext>());
        return services;
    }

    private static IServiceCollection AddPooled<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> provider)
        where TContext : EPeopleDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, o) =>
        {
            provider(o);
            o.AddInterceptors(sp.GetRequiredService<AggregateVersionInterceptor>(), sp.GetRequiredService<AuditingInterceptor>(),
                sp.GetRequiredService<InstitutionDirectoryInterceptor>());
        });
        services.AddScoped<EPeopleDbContext>(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Actor = sp.GetService<ICurrentUser>();
            return context;
        });
        services.AddScoped(sp => (TContext)sp.GetRequiredService<EPeopleDbContext>());
        return services;
    }

    internal static void SqliteOptions(SqliteDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");

    internal static void NpgsqlOptions(NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");

    internal static void SqlServerOptions(SqlServerDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");
}
