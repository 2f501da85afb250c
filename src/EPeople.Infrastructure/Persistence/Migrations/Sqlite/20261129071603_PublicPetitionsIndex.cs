using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicPetitionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_petitions_is_public_filed_at_id",
                table: "petitions",
                columns: new[] { "is_public", "filed_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_is_public_filed_at_id",
                table: "petitions");
        }
    }
}
