using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.PostgreSql
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
                    id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    activation_id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_bookmark", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_definition",
                columns: table => new
                {
                    definition_id = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    json_sha256 = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    schema_version = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_definition", x => new { x.definition_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "wf_event_inbox",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    correlation_key = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consumed_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_event_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_history",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    node_id = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    @event = table.Column<string>(name: "event", type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_history", x => new { x.instance_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "wf_incident",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    token_id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_incident", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_instance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    has_incidents = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_instance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_operation",
                columns: table => new
                {
                    operation_id = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_operation", x => x.operation_id);
                });

            migrationBuilder.CreateTable(
                name: "wf_task",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    node_id = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    institution_code = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: true),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    position = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    assignee = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    actions = table.Column<string>(type: "text", nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    form_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_explanation_ko = table.Column<string>(type: "text", nullable: true),
                    due_explanation_en = table.Column<string>(type: "text", nullable: true),
                    escalated = table.Column<bool>(type: "boolean", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    completed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_task", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_timer",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bookmark_id = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    node_id = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    fire_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    deadline_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
