using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RoutingReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason_detail",
                table: "petition_routing_suggestions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason_kind",
                table: "petition_routing_suggestions",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "reason_terms",
                table: "petition_routing_suggestions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reason_detail",
                table: "petition_routing_suggestions");

            migrationBuilder.DropColumn(
                name: "reason_kind",
                table: "petition_routing_suggestions");

            migrationBuilder.DropColumn(
                name: "reason_terms",
                table: "petition_routing_suggestions");
        }
    }
}
