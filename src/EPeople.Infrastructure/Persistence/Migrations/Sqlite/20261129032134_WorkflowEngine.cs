using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkflowEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_bookmark",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    activation_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_bookmark", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_definition",
                columns: table => new
                {
                    definition_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    is_latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    json_sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    schema_version = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_definition", x => new { x.definition_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "wf_event_inbox",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    correlation_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    consumed_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_event_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_history",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    @event = table.Column<string>(name: "event", type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_history", x => new { x.instance_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "wf_incident",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    token_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_incident", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_instance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    has_incidents = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_instance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_operation",
                columns: table => new
                {
                    operation_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_operation", x => x.operation_id);
                });

            migrationBuilder.CreateTable(
                name: "wf_task",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    node_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: true),
                    department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    position = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    actions = table.Column<string>(type: "TEXT", nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    form_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    due_explanation_ko = table.Column<string>(type: "TEXT", nullable: true),
                    due_explanation_en = table.Column<string>(type: "TEXT", nullable: true),
                    escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_task", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_timer",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bookmark_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    node_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    fire_at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    deadline_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_timer", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_wf_bookmark_hash",
                table: "wf_bookmark",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_wf_bookmark_instance_id",
                table: "wf_bookmark",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_definition_definition_id_json_sha256",
                table: "wf_definition",
                columns: new[] { "definition_id", "json_sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_event_inbox_correlation_key_name",
                table: "wf_event_inbox",
                columns: new[] { "correlation_key", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_incident_instance_id_resolved_at",
                table: "wf_incident",
                columns: new[] { "instance_id", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_instance_correlation_id",
                table: "wf_instance",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_instance_definition_id_correlation_id",
                table: "wf_instance",
                columns: new[] { "definition_id", "correlation_id" },
                unique: true,
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_wf_operation_created_at",
                table: "wf_operation",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_wf_task_assignee_is_open_due_at_id",
                table: "wf_task",
                columns: new[] { "assignee", "is_open", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_task_department_is_open_due_at_id",
                table: "wf_task",
                columns: new[] { "department", "is_open", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_task_instance_id",
                table: "wf_task",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_task_institution_code_is_open_due_at_id",
                table: "wf_task",
                columns: new[] { "institution_code", "is_open", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_timer_instance_id",
                table: "wf_timer",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_timer_status_fire_at",
                table: "wf_timer",
                columns: new[] { "status", "fire_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_bookmark");

            migrationBuilder.DropTable(
                name: "wf_definition");

            migrationBuilder.DropTable(
                name: "wf_event_inbox");

            migrationBuilder.DropTable(
                name: "wf_history");

            migrationBuilder.DropTable(
                name: "wf_incident");

            migrationBuilder.DropTable(
                name: "wf_instance");

            migrationBuilder.DropTable(
                name: "wf_operation");

            migrationBuilder.DropTable(
                name: "wf_task");

            migrationBuilder.DropTable(
                name: "wf_timer");
        }
    }
}
