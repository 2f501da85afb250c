using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supplements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "clock_paused_at",
                table: "petitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supplement_count",
                table: "petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "supplement_due_at",
                table: "petitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supplement_reply",
                table: "petitions",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supplement_request",
                table: "petitions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_petitions_status_supplement_due_at",
                table: "petitions",
                columns: new[] { "status", "supplement_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_status_supplement_due_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "clock_paused_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_count",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_due_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_reply",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_request",
                table: "petitions");
        }
    }
}
