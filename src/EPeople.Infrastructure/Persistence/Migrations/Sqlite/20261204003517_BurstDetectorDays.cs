using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BurstDetectorDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_burst_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    counts = table.Column<byte[]>(type: "BLOB", nullable: false),
                    state = table.Column<byte[]>(type: "BLOB", nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_burst_days", x => x.day);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_burst_days");
        }
    }
}
