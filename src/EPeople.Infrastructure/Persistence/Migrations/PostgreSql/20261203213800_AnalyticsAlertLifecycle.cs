using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AnalyticsAlertLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts");

            migrationBuilder.DropIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts");

            migrationBuilder.AddColumn<string>(
                name: "close_note",
                table: "analytics_alerts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "close_reason",
                table: "analytics_alerts",
                type: "character varying(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "analytics_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "closed_by",
                table: "analytics_alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "analytics_alert_institutions",
                columns: table => new
                {
                    alert_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    institution_code = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_alert_institutions", x => new { x.alert_id, x.institution_code });
                    table.ForeignKey(
                        name: "fk_analytics_alert_institutions_analytics_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "analytics_alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The alerts stored so far get their rows from their institutions JSON (codes and counts); the burst step
            // keeps them from now on.
            migrationBuilder.Sql("""
                INSERT INTO analytics_alert_institutions (alert_id, institution_code, "count", raised_on)
                SELECT a.id, i.code, SUM(i."count"), a.raised_on
                FROM analytics_alerts a
                CROSS JOIN LATERAL jsonb_to_recordset(a.institutions::jsonb) AS i(code text, "count" integer)
                WHERE i.code <> '' AND length(i.code) <= 7
                GROUP BY a.id, i.code, a.raised_on;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "raised_on", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "status", "raised_on", "id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alert_institutions_code_raised_on_alert_id",
                table: "analytics_alert_institutions",
                columns: new[] { "institution_code", "raised_on", "alert_id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_alert_institutions");

            migrationBuilder.DropIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts");

            migrationBuilder.DropIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts");

            migrationBuilder.DropColumn(
                name: "close_note",
                table: "analytics_alerts");

            migrationBuilder.DropColumn(
                name: "close_reason",
                table: "analytics_alerts");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "analytics_alerts");

            migrationBuilder.DropColumn(
                name: "closed_by",
                table: "analytics_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "raised_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "status", "raised_on", "id" });
        }
    }
}
