using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "character varying(2)",
                unicode: false,
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "citizen_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    petitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    petition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_seq = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
