using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_petitions_institution_code_filed_at",
                table: "petitions",
                columns: new[] { "institution_code", "filed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_is_public_filed_at_id",
                table: "petitions",
                columns: new[] { "is_public", "filed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_status_answered_at",
                table: "petitions",
                columns: new[] { "status", "answered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_institution_code_filed_at",
                table: "petitions");

            migrationBuilder.DropIndex(
                name: "ix_petitions_is_public_filed_at_id",
                table: "petitions");

            migrationBuilder.DropIndex(
                name: "ix_petitions_status_answered_at",
                table: "petitions");
        }
    }
}
