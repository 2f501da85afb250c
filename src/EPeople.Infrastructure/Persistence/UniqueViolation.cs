using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EPeople.Infrastructure.Persistence;

/// <summary>Recognises a primary-key or unique-index violation on each of our providers.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE
        SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };
}
