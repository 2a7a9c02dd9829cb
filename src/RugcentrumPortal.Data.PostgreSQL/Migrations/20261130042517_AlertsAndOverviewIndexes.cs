using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AlertsAndOverviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PatientId_Day",
                table: "SessionLogs");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_Notes",
                table: "SessionLogs",
                columns: new[] { "PatientId", "Day" },
                filter: "\"Note\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PatientId_Day_Pain",
                table: "SessionLogs",
                columns: new[] { "PatientId", "Day", "Pain" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AwaitingClearance",
                table: "Assessments",
                column: "PatientId",
                filter: "\"Conclusion\" = 'NietPluis' AND \"ClearanceRecordedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_Notes",
                table: "SessionLogs");

            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PatientId_Day_Pain",
                table: "SessionLogs");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_AwaitingClearance",
                table: "Assessments");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PatientId_Day",
                table: "SessionLogs",
                columns: new[] { "PatientId", "Day" });
        }
    }
}
