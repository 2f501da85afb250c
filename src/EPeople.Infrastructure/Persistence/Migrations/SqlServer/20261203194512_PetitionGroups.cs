using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PetitionGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "petition_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    institution_code = table.Column<string>(type: "varchar(7)", unicode: false, maxLength: 7, nullable: true),
                    petitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    representative_title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "petition_similarity",
                columns: table => new
                {
                    petition_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    title_signature = table.Column<byte[]>(type: "varbinary(240)", maxLength: 240, nullable: false),
                    content_signature = table.Column<byte[]>(type: "varbinary(240)", maxLength: 240, nullable: false)
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
                    key = table.Column<long>(type: "bigint", nullable: false),
                    petition_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    group_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    petition_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                name: "petition_group_members");

            migrationBuilder.DropTable(
                name: "petition_similarity");

            migrationBuilder.DropTable(
                name: "petition_similarity_bands");

            migrationBuilder.DropTable(
                name: "petition_groups");
        }
    }
}
