using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EPeople.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "citizen_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_seq = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_notices", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "personal_data_access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "petition_filing_keys",
                columns: table => new
                {
                    petitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_filing_keys", x => new { x.petitioner_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "petitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    subtype = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    petitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: true),
                    identity_protected = table.Column<bool>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    due_explanation_ko = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    due_explanation_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    transfer_count = table.Column<int>(type: "INTEGER", nullable: false),
                    supplement_count = table.Column<int>(type: "INTEGER", nullable: false),
                    supplement_request = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    supplement_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    clock_paused_at = table.Column<long>(type: "INTEGER", nullable: true),
                    supplement_reply = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    extension_count = table.Column<int>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    answer_is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    additional_answer = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    rating_comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closure_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    petitioner_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    petitioner_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    petitioner_phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "petition_events",
                columns: table => new
                {
                    petition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    stage = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    institution_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petition_events", x => new { x.petition_id, x.seq });
                    table.ForeignKey(
                        name: "fk_petition_events_petitions_petition_id",
                        column: x => x.petition_id,
                        principalTable: "petitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_petition_id_event_seq",
                table: "citizen_notices",
                columns: new[] { "petition_id", "event_seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_petitioner_id_created_at_id",
                table: "citizen_notices",
                columns: new[] { "petitioner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_institution_intake_rules_department_id",
                table: "institution_intake_rules",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_institution_intake_rules_institution_id_kind_subtype",
                table: "institution_intake_rules",
                columns: new[] { "institution_id", "kind", "subtype" });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_access_log_subject_id_at",
                table: "personal_data_access_log",
                columns: new[] { "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_petitioner_id_filed_at_id",
                table: "petitions",
                columns: new[] { "petitioner_id", "filed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_receipt_number",
                table: "petitions",
                column: "receipt_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_petitions_status_supplement_due_at",
                table: "petitions",
                columns: new[] { "status", "supplement_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_workflow_instance_id",
                table: "petitions",
                column: "workflow_instance_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizen_notices");

            migrationBuilder.DropTable(
                name: "institution_intake_rules");

            migrationBuilder.DropTable(
                name: "personal_data_access_log");

            migrationBuilder.DropTable(
                name: "petition_events");

            migrationBuilder.DropTable(
                name: "petition_filing_keys");

            migrationBuilder.DropTable(
                name: "petitions");
        }
    }
}
