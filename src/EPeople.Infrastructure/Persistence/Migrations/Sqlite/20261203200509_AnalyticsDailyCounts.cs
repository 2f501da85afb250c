using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_daily_counts",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_counts", x => new { x.dimension, x.key, x.day });
                });

            migrationBuilder.CreateTable(
                name: "analytics_watermarks",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    counted_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_run_kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    last_run_seconds = table.Column<double>(type: "REAL", nullable: false),
                    last_run_rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_watermarks", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_filed_at",
                table: "petitions",
                column: "filed_at");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_counts_dimension_day",
                table: "analytics_daily_counts",
                columns: new[] { "dimension", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_daily_counts");

            migrationBuilder.DropTable(
                name: "analytics_watermarks");

            migrationBuilder.DropIndex(
                name: "ix_petitions_filed_at",
                table: "petitions");
        }
    }
}
