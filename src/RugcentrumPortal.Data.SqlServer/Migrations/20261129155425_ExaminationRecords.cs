using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ExaminationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExaminationRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BreathingPattern = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    BreathingRate = table.Column<int>(type: "int", nullable: true),
                    BreathHoldSeconds = table.Column<int>(type: "int", nullable: true),
                    NijmegenItems = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    BreathingRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LateralShift = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    HighPelvisSide = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Sagittal = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PostureRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LeftStrength = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LeftSensation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LeftReflexes = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LeftStraightLegRaise = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LeftSlump = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RightStrength = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RightSensation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RightReflexes = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RightStraightLegRaise = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RightSlump = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    NeurologicalRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExaminationRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExaminationRecord_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MovementTestEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TestId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Side = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FindingIds = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MovementTestEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MovementTestEntry_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExaminationRecord_AssessmentId",
                table: "ExaminationRecord",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MovementTestEntry_AssessmentId_TestId_Side",
                table: "MovementTestEntry",
                columns: new[] { "AssessmentId", "TestId", "Side" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExaminationRecord");

            migrationBuilder.DropTable(
                name: "MovementTestEntry");
        }
    }
}
