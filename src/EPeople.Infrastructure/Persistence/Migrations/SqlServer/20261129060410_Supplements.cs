using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Supplements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "clock_paused_at",
                table: "petitions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supplement_count",
                table: "petitions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "supplement_due_at",
                table: "petitions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supplement_reply",
                table: "petitions",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supplement_request",
                table: "petitions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_petitions_status_supplement_due_at",
                table: "petitions",
                columns: new[] { "status", "supplement_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_status_supplement_due_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "clock_paused_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_count",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_due_at",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_reply",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "supplement_request",
                table: "petitions");
        }
    }
}
