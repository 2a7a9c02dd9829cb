using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysAndOneCascadePath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutcomeMeasurements_Assessments_AssessmentId",
                table: "OutcomeMeasurements");

            migrationBuilder.DropForeignKey(
                name: "FK_Patients_AspNetUsers_TherapistId",
                table: "Patients");

            migrationBuilder.DropForeignKey(
                name: "FK_Patients_AspNetUsers_UserId",
                table: "Patients");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Assessments_SourceAssessmentId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionLogs_PlanExercises_PlanExerciseId",
                table: "SessionLogs");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionLogs_Plans_PlanId",
                table: "SessionLogs");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.AddForeignKey(
                name: "FK_OutcomeMeasurements_Assessments_AssessmentId",
                table: "OutcomeMeasurements",
                column: "AssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_AspNetUsers_TherapistId",
                table: "Patients",
                column: "TherapistId",
                principalTable: "AspNetUsers",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_AspNetUsers_UserId",
                table: "Patients",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Assessments_SourceAssessmentId",
                table: "Plans",
                column: "SourceAssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_SessionLogs_PlanExercises_PlanExerciseId",
                table: "SessionLogs",
                column: "PlanExerciseId",
                principalTable: "PlanExercises",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_SessionLogs_Plans_PlanId",
                table: "SessionLogs",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutcomeMeasurements_Assessments_AssessmentId",
                table: "OutcomeMeasurements");

            migrationBuilder.DropForeignKey(
                name: "FK_Patients_AspNetUsers_TherapistId",
                table: "Patients");

            migrationBuilder.DropForeignKey(
                name: "FK_Patients_AspNetUsers_UserId",
                table: "Patients");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Assessments_SourceAssessmentId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionLogs_PlanExercises_PlanExerciseId",
                table: "SessionLogs");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionLogs_Plans_PlanId",
                table: "SessionLogs");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.AddForeignKey(
                name: "FK_OutcomeMeasurements_Assessments_AssessmentId",
                table: "OutcomeMeasurements",
                column: "AssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_AspNetUsers_TherapistId",
                table: "Patients",
                column: "TherapistId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_AspNetUsers_UserId",
                table: "Patients",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Assessments_SourceAssessmentId",
                table: "Plans",
                column: "SourceAssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_SessionLogs_PlanExercises_PlanExerciseId",
                table: "SessionLogs",
                column: "PlanExerciseId",
                principalTable: "PlanExercises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SessionLogs_Plans_PlanId",
                table: "SessionLogs",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
