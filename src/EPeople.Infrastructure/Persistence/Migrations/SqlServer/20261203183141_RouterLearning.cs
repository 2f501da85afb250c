using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
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
                    petition_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    rank = table.Column<int>(type: "int", nullable: false),
                    institution_code = table.Column<string>(type: "varchar(7)", unicode: false, maxLength: 7, nullable: false),
                    confidence = table.Column<double>(type: "float", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    reason_kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    reason_detail = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    reason_terms = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
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
                    version = table.Column<int>(type: "int", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    verdict = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    decision = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    training_count = table.Column<int>(type: "int", nullable: false),
                    held_back_count = table.Column<int>(type: "int", nullable: false),
                    top1 = table.Column<double>(type: "float", nullable: true),
                    top3 = table.Column<double>(type: "float", nullable: true),
                    coverage_at80 = table.Column<double>(type: "float", nullable: true),
                    coverage_at90 = table.Column<double>(type: "float", nullable: true),
                    incumbent_top1 = table.Column<double>(type: "float", nullable: true),
                    incumbent_coverage_at80 = table.Column<double>(type: "float", nullable: true),
                    model = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_model_versions", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "routing_keyword_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    keyword = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    institution_code = table.Column<string>(type: "varchar(7)", unicode: false, maxLength: 7, nullable: false),
                    kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
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
