using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    actor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    actor_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ip_address = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    subject_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    record = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    action = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false)
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
