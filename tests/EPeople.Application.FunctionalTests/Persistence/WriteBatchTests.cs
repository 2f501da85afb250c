using EPeople.Application.Workflows;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Persistence;

/// <summary>
/// The engine's hand-built statements on SQL Server, which cannot run here: names come from the model and are quoted
/// the SQL Server way, values travel as parameters, database-generated keys are left out.
/// </summary>
public sealed class WriteBatchTests
{
    private static SqlServerEPeopleDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerEPeopleDbContext>()
            .UseSqlServer("Server=unreachable.invalid;Database=EPeople;Integrated Security=true;TrustServerCertificate=true")
            .Options);

    [Test]
    public void ShouldWriteSqlServerStatementsFromTheModel()
    {
        using var db = SqlServer();
        var batch = new WriteBatch(db);

        batch.Insert([
            new WorkflowTimerRecord { Id = "t-1", InstanceId = Guid.NewGuid(), BookmarkId = "b", NodeId = "n", FireAt = DateTimeOffset.UnixEpoch, Kind = "Wait", Status = "Pending" },
            new WorkflowTimerRecord { Id = "t-2", InstanceId = Guid.NewGuid(), BookmarkId = "b", NodeId = "n", FireAt = DateTimeOffset.UnixEpoch, Kind = "Wait", Status = "Pending" },
        ]);
        batch.Insert([new WorkflowIncidentRecord { InstanceId = Guid.NewGuid(), NodeId = "n", TokenId = "t", Kind = "Expression", Message = "x'; DROP TABLE wf_task; --" }]);
        batch.Statement($"DELETE FROM {batch.Table<WorkflowBookmarkRecord>()} WHERE {batch.Column<WorkflowBookmarkRecord>(nameof(WorkflowBookmarkRecord.Id))} IN {batch.Values<WorkflowBookmarkRecord>(nameof(WorkflowBookmarkRecord.Id), ["a", "b"])}");

        var sql = batch.ToString();
        sql.ShouldContain("INSERT INTO [wf_timer] ([id], ");
        sql.ShouldContain("VALUES (@p0, ");
        sql.ShouldContain("), (@p");                      // two rows in one statement
        sql.ShouldNotContain("INSERT INTO [wf_incident] ([id]"); // the identity key is the database's
        sql.ShouldNotContain("DROP TABLE");                // values are parameters, never text
        sql.ShouldContain("DELETE FROM [wf_bookmark] WHERE [id] IN (@p");
    }
}
