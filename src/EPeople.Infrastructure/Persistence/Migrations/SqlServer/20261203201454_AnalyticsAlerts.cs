using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AnalyticsAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_alerts",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_seen_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<int>(type: "int", nullable: false),
                    terms = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    count = table.Column<int>(type: "int", nullable: false),
                    expected = table.Column<double>(type: "float", nullable: false),
                    growth = table.Column<double>(type: "float", nullable: false),
                    p_value = table.Column<double>(type: "float", nullable: false),
                    score = table.Column<double>(type: "float", nullable: false),
                    total_count = table.Column<int>(type: "int", nullable: false),
                    examples = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    institutions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    series = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    acknowledged_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "raised_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "status", "raised_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_alerts");
        }
    }
}
