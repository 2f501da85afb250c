using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RouterLearning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "petition_routing_suggestions",
                columns: table => new
                {
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    reason_kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    reason_detail = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reason_terms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_routing_suggestions", x => new { x.petition_id, x.rank });
                    table.ForeignKey(
                        name: "fk_petition_routing_suggestions_petitions_petition_id",
                        column: x => x.petition_id,
                        principalTable: "petitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "router_model_versions",
                columns: table => new
                {
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    verdict = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    training_count = table.Column<int>(type: "INTEGER", nullable: false),
                    held_back_count = table.Column<int>(type: "INTEGER", nullable: false),
                    top1 = table.Column<double>(type: "REAL", nullable: true),
                    top3 = table.Column<double>(type: "REAL", nullable: true),
                    coverage_at80 = table.Column<double>(type: "REAL", nullable: true),
                    coverage_at90 = table.Column<double>(type: "REAL", nullable: true),
                    incumbent_top1 = table.Column<double>(type: "REAL", nullable: true),
                    incumbent_coverage_at80 = table.Column<double>(type: "REAL", nullable: true),
                    model = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_model_versions", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "routing_keyword_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    keyword = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_keyword_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_router_model_versions_verdict_version",
                table: "router_model_versions",
                columns: new[] { "verdict", "version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "petition_routing_suggestions");

            migrationBuilder.DropTable(
                name: "router_model_versions");

            migrationBuilder.DropTable(
                name: "routing_keyword_rules");
        }
    }
}
