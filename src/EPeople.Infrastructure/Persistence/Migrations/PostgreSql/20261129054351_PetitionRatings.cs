using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PetitionRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "additional_answer",
                table: "petitions",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rated_at",
                table: "petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rating",
                table: "petitions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rating_comment",
                table: "petitions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "additional_answer",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "rated_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "rating",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "rating_comment",
                table: "petitions");
        }
    }
}
