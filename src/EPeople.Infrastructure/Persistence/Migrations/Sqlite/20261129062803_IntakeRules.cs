using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institution_intake_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    subtype = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_intake_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_institution_intake_rules_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institution_intake_rules_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institution_intake_rules_department_id",
                table: "institution_intake_rules",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_institution_intake_rules_institution_id_kind_subtype",
                table: "institution_intake_rules",
                columns: new[] { "institution_id", "kind", "subtype" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institution_intake_rules");
        }
    }
}
