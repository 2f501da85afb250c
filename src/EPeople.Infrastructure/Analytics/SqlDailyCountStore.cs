using System.Data.Common;
using System.Globalization;
using EPeople.Application.Analytics;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EPeople.Infrastructure.Analytics;

/// <summary>
/// The daily counts and the league table as set-based SQL, one dialect per provider: <c>INSERT … SELECT … GROUP BY</c>
/// in the database (GROUPING SETS, one scan, on PostgreSQL and SQL Server; four grouped scans on SQLite), so no petition
/// is ever materialised in .NET. The Korean day is UTC+9 (Korea keeps no daylight saving).
/// </summary>
internal sealed class SqlDailyCountStore(EPeopleDbContext db, DatabaseOptions database) : IDailyCountStore
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    public async Task<DailyCountWrite> RecountAsync(DateOnly? fromDay, DateTimeOffset countedUntil, string runKind, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tx = transaction.GetDbTransaction();

            // The watermark row first: its row lock makes a concurrent run (another node, the API) wait for this one.
            var marked = await ExecuteAsync(connection, tx, """
                UPDATE analytics_watermarks SET counted_until = @until, last_run_at = @until, last_run_kind = @kind, last_run_seconds = 0, last_run_rows = 0
                WHERE name = @name
                """, cancellationToken, ("until", Instant(countedUntil)), ("kind", runKind), ("name", AnalyticsWatermarkRecord.DailyCounts));
            if (marked == 0)
            {
                await ExecuteAsync(connection, tx, """
                    INSERT INTO analytics_watermarks (name, counted_until, last_run_at, last_run_kind, last_run_seconds, last_run_rows)
                    VALUES (@name, @until, @until, @kind, 0, 0)
                    """, cancellationToken, ("until", Instant(countedUntil)), ("kind", runKind), ("name", AnalyticsWatermarkRecord.DailyCounts));
            }

            var day = DayParameter(fromDay ?? DateOnly.MinValue);
            var deleted = await ExecuteAsync(connection, tx, fromDay is null
                ? "DELETE FROM analytics_daily_counts"
                : "DELETE FROM analytics_daily_counts WHERE dimension IN ('Total', 'Kind', 'Institution', 'Region') AND day >= @day",
                cancellationToken, ("day", day));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"removed {deleted:N0} old rows"));

            var start = Instant(fromDay is { } d ? AnalyticsDays.StartOf(d) : DateTimeOffset.MinValue.ToUniversalTime().AddDays(1));
            var rows = 0;
            foreach (var statement in InsertStatements())
            {
                rows += await ExecuteAsync(connection, tx, statement.Sql, cancellationToken, ("start", start));
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"counted {statement.What}: {rows:N0} rows so far"));
            }

            var petitions = Convert.ToInt32(await ScalarAsync(connection, tx,
                "SELECT COALESCE(SUM(count), 0) FROM analytics_daily_counts WHERE dimension = 'Total' AND day >= @day", cancellationToken, ("day", day)),
                CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, tx, "UPDATE analytics_watermarks SET last_run_rows = @rows WHERE name = @name", cancellationToken,
                ("rows", rows), ("name", AnalyticsWatermarkRecord.DailyCounts));
            await transaction.CommitAsync(cancellationToken);
            return new DailyCountWrite(rows, petitions);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<LeagueRow>> LeagueAsync(DateTimeOffset filedFrom, DateTimeOffset filedBefore, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT institution_code, CAST(COUNT(*) AS integer), CAST(COUNT(answered_at) AS integer),
                   CAST(SUM(CASE WHEN answered_at IS NOT NULL AND (due_at IS NULL OR answered_at <= due_at) THEN 1 ELSE 0 END) AS integer),
                   AVG({SecondsBetween("filed_at", "answered_at")}) / 86400.0,
                   CAST(COUNT(rating) AS integer), AVG(CAST(rating AS {Float})),
                   CAST(SUM(CASE WHEN answered_at IS NOT NULL AND rating <= 2 AND additional_answer IS NOT NULL THEN 1 ELSE 0 END) AS integer)
            FROM petitions
            WHERE filed_at >= @start AND filed_at < @end
            GROUP BY institution_code
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, sql, ("start", Instant(filedFrom)), ("end", Instant(filedBefore)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<LeagueRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new LeagueRow(reader.GetString(0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Double(reader, 4), Int(reader, 5), Double(reader, 6), Int(reader, 7)));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Statement(string What, string Sql);

    private string Float => database.Provider == DatabaseProvider.Sqlite ? "REAL" : "float";

    /// <summary>The Korean day a petition was filed on, as the provider stores a DateOnly.</summary>
    private string KoreaDay(string column) => database.Provider switch
    {
        DatabaseProvider.PostgreSql => $"CAST(({column} AT TIME ZONE 'UTC') + interval '9 hours' AS date)",
        DatabaseProvider.SqlServer => $"CAST(SWITCHOFFSET({column}, '+09:00') AS date)",
        // EF's DateTimeOffsetToBinaryConverter: (clock ticks / 1000) << 11 | offset minutes (11 bits, signed).
        _ => $"date({SqliteUnixSeconds(column)} + 32400, 'unixepoch')",
    };

    private string SecondsBetween(string from, string to) => database.Provider switch
    {
        DatabaseProvider.PostgreSql => $"EXTRACT(EPOCH FROM ({to} - {from}))",
        DatabaseProvider.SqlServer => $"CAST(DATEDIFF_BIG(second, {from}, {to}) AS float)",
        _ => $"CAST({SqliteUnixSeconds(to)} - {SqliteUnixSeconds(from)} AS REAL)",
    };

    private static string SqliteUnixSeconds(string column) =>
        $"(({column} >> 11) / 10000 - 62135596800 - 60 * (CASE WHEN ({column} & 1024) = 1024 THEN ({column} & 2047) - 2048 ELSE ({column} & 2047) END))";

    private IEnumerable<Statement> InsertStatements()
    {
        var source = $"""
            SELECT kind, institution_code, COALESCE(region_code, '{DailyCountRecord.NoRegion}') AS region, {KoreaDay("filed_at")} AS day
            FROM petitions WHERE filed_at >= @start
            """;
        const string Insert = "INSERT INTO analytics_daily_counts (dimension, \"key\", day, count)";
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // No GROUPING SETS in SQLite: one grouped scan per dimension.
            foreach (var (dimension, column) in new[] { ("Kind", "kind"), ("Institution", "institution_code"), ("Region", "region"), ("Total", "''") })
            {
                var groupBy = column == "''" ? "day" : $"{column}, day";
                yield return new Statement(dimension, $"{Insert} SELECT '{dimension}', {column}, day, COUNT(*) FROM ({source}) p GROUP BY {groupBy}");
            }

            yield break;
        }

        // One scan, four groupings; the dimension is whichever grouping column is present.
        yield return new Statement("kind, institution, region and total", $"""
            {Insert}
            SELECT CASE WHEN GROUPING(kind) = 0 THEN 'Kind' WHEN GROUPING(institution_code) = 0 THEN 'Institution'
                        WHEN GROUPING(region) = 0 THEN 'Region' ELSE 'Total' END,
                   COALESCE(kind, institution_code, region, ''), day, COUNT(*)
            FROM ({source}) p
            GROUP BY GROUPING SETS ((kind, day), (institution_code, day), (region, day), (day))
            """);
    }

    private object Instant(DateTimeOffset value) =>
        database.Provider == DatabaseProvider.Sqlite ? SqliteInstant.ConvertToProvider(value)! : value.ToUniversalTime();

    private object DayParameter(DateOnly day) =>
        database.Provider == DatabaseProvider.Sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private static int Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static double? Double(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            if (!sql.Contains("@" + name, StringComparison.Ordinal))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
