using System.Globalization;
using System.Text;
using EPeople.Application.Analytics.Grouping;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Analytics;

/// <summary>
/// The grouping lock as each provider has it, in one round trip: PostgreSQL transaction-level advisory locks
/// (<c>pg_advisory_xact_lock</c>), SQL Server application locks owned by the transaction (<c>sp_getapplock</c>). SQLite
/// needs none: a transaction there begins with <c>BEGIN IMMEDIATE</c>, so the filing transactions already run one at a time.
/// </summary>
internal sealed class SqlGroupingLock(EPeopleDbContext db, DatabaseOptions database) : IGroupingLock
{
    public async Task AcquireAsync(IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The grouping lock lasts until the transaction ends: begin one first.");
        }

        if (keys.Count == 0)
        {
            return;
        }

        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                // unnest yields the (sorted) keys in array order, and each row takes its lock before the next is read.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(k) FROM unnest({0}) AS u(k)", [keys.ToArray()], cancellationToken);
                break;
            case DatabaseProvider.SqlServer:
                await db.Database.ExecuteSqlRawAsync(SqlServerBatch(keys.Count), [.. keys.Select(Resource)], cancellationToken);
                break;
        }
    }

    /// <summary>One sp_getapplock per key, in order; a lock not granted (timeout, deadlock victim) fails the batch.</summary>
    private static string SqlServerBatch(int count)
    {
        var sql = new StringBuilder("DECLARE @granted int;\n");
        for (var i = 0; i < count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"EXEC @granted = sp_getapplock @Resource = {{{i}}}, @LockMode = 'Exclusive', @LockOwner = 'Transaction';\n")
                .Append("IF @granted < 0 THROW 51000, 'The petition grouping lock was not granted.', 1;\n");
        }

        return sql.ToString();
    }

    private static string Resource(long key) => string.Create(CultureInfo.InvariantCulture, $"epeople.grouping.{key}");
}
