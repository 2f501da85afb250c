using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TaskDefinitionId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "definition_id",
                table: "wf_task",
                type: "character varying(100)",
                unicode: false,
                maxLength: 100,
                nullable: true);

            // Tasks created before the column existed take their instance's workflow, so kind filters see them too.
            migrationBuilder.Sql("UPDATE wf_task SET definition_id = (SELECT i.definition_id FROM wf_instance i WHERE i.id = wf_task.instance_id)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "definition_id",
                table: "wf_task");
        }
    }
}
