using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "petitions",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "citizen_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_seq = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_petition_id_event_seq",
                table: "citizen_notices",
                columns: new[] { "petition_id", "event_seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_petitioner_id_created_at_id",
                table: "citizen_notices",
                columns: new[] { "petitioner_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizen_notices");

            migrationBuilder.DropColumn(
                name: "language",
                table: "petitions");
        }
    }
}
