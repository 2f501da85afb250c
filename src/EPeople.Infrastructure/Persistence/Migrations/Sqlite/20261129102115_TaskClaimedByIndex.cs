using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskClaimedByIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_wf_task_claimed_by_is_open_due_at_id",
                table: "wf_task",
                columns: new[] { "claimed_by", "is_open", "due_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_wf_task_claimed_by_is_open_due_at_id",
                table: "wf_task");
        }
    }
}
