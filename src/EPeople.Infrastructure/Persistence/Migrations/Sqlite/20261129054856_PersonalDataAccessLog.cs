using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalDataAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_access_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_access_log_subject_id_at",
                table: "personal_data_access_log",
                columns: new[] { "subject_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_access_log");
        }
    }
}
