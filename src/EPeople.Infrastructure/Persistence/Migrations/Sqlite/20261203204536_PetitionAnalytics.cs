using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_alerts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_seen_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    terms = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    expected = table.Column<double>(type: "REAL", nullable: false),
                    growth = table.Column<double>(type: "REAL", nullable: false),
                    p_value = table.Column<double>(type: "REAL", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    total_count = table.Column<int>(type: "INTEGER", nullable: false),
                    examples = table.Column<string>(type: "TEXT", nullable: false),
                    institutions = table.Column<string>(type: "TEXT", nullable: false),
                    series = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    acknowledged_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_alerts", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "petition_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: true),
                    petitioner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    representative_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "petition_similarity",
                columns: table => new
                {
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title_signature = table.Column<byte[]>(type: "BLOB", maxLength: 240, nullable: false),
                    content_signature = table.Column<byte[]>(type: "BLOB", maxLength: 240, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_similarity", x => x.petition_id);
                    table.ForeignKey(
                        name: "fk_petition_similarity_petitions_petition_id",
                        column: x => x.petition_id,
                        principalTable: "petitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_similarity_bands",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false),
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_similarity_bands", x => new { x.key, x.petition_id });
                    table.ForeignKey(
                        name: "fk_petition_similarity_bands_petitions_petition_id",
                        column: x => x.petition_id,
                        principalTable: "petitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_group_members", x => new { x.group_id, x.petition_id });
                    table.ForeignKey(
                        name: "fk_petition_group_members_petition_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "petition_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_petition_group_members_petitions_petition_id",
                        column: x => x.petition_id,
                        principalTable: "petitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_filed_at",
                table: "petitions",
                column: "filed_at");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "raised_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_alerts_status_raised_on_id",
                table: "analytics_alerts",
                columns: new[] { "status", "raised_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_counts_dimension_day",
                table: "analytics_daily_counts",
                columns: new[] { "dimension", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_petition_group_members_petition_id",
                table: "petition_group_members",
                column: "petition_id");

            migrationBuilder.CreateIndex(
                name: "ix_petition_groups_kind_institution_code_updated_at",
                table: "petition_groups",
                columns: new[] { "kind", "institution_code", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_petition_groups_updated_at_id",
                table: "petition_groups",
                columns: new[] { "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_petition_similarity_bands_petition_id",
                table: "petition_similarity_bands",
                column: "petition_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_alerts");

            migrationBuilder.DropTable(
                name: "analytics_daily_counts");

            migrationBuilder.DropTable(
                name: "analytics_watermarks");

            migrationBuilder.DropTable(
                name: "petition_group_members");

            migrationBuilder.DropTable(
                name: "petition_similarity");

            migrationBuilder.DropTable(
                name: "petition_similarity_bands");

            migrationBuilder.DropTable(
                name: "petition_groups");

            migrationBuilder.DropIndex(
                name: "ix_petitions_filed_at",
                table: "petitions");
        }
    }
}
