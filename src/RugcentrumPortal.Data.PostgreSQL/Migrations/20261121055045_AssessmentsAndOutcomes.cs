using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentsAndOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    TherapistId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ComplaintRegions = table.Column<List<string>>(type: "text[]", nullable: false),
                    ComplaintDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Onset = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Duration = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Course = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Aggravating = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Easing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    History = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgeAtOnset = table.Column<int>(type: "integer", nullable: true),
                    RedFlagsPresent = table.Column<List<string>>(type: "text[]", nullable: false),
                    RedFlagsAbsent = table.Column<List<string>>(type: "text[]", nullable: false),
                    YellowFlags = table.Column<List<string>>(type: "text[]", nullable: false),
                    StressSignals = table.Column<List<string>>(type: "text[]", nullable: false),
                    PrecautionConditions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HighestUrgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FlagsFound = table.Column<List<string>>(type: "text[]", nullable: false),
                    ScreenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AdviceGiven = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GpConsent = table.Column<bool>(type: "boolean", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Observations = table.Column<List<string>>(type: "text[]", nullable: false),
                    BalanceNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BalanceRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReassessmentDue = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_TherapistId",
                        column: x => x.TherapistId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MuscleRatingEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MuscleId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Tone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Intensity = table.Column<int>(type: "integer", nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MuscleRatingEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MuscleRatingEntry_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstrumentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedById = table.Column<string>(type: "text", nullable: true),
                    EnteredByPatient = table.Column<bool>(type: "boolean", nullable: false),
                    ItemScores = table.Column<List<int?>>(type: "integer[]", nullable: false),
                    Activities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeMeasurements_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutcomeMeasurements_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatternReview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatternId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatternReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatternReview_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PatientId_CreatedAt",
                table: "Assessments",
                columns: new[] { "PatientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_TherapistId_Status",
                table: "Assessments",
                columns: new[] { "TherapistId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MuscleRatingEntry_AssessmentId_MuscleId_Side",
                table: "MuscleRatingEntry",
                columns: new[] { "AssessmentId", "MuscleId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMeasurements_AssessmentId",
                table: "OutcomeMeasurements",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMeasurements_PatientId_InstrumentId_CompletedAt",
                table: "OutcomeMeasurements",
                columns: new[] { "PatientId", "InstrumentId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PatternReview_AssessmentId_PatternId",
                table: "PatternReview",
                columns: new[] { "AssessmentId", "PatternId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MuscleRatingEntry");

            migrationBuilder.DropTable(
                name: "OutcomeMeasurements");

            migrationBuilder.DropTable(
                name: "PatternReview");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
