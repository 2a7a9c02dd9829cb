using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanPauseAndFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryPlans_OneActivePerPatient",
                table: "Plans");

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Plans",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusChangedById",
                table: "Plans",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryPlans_OneActivePerPatient",
                table: "Plans",
                column: "PatientId",
                unique: true,
                filter: "\"Status\" IN ('Active', 'Paused')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryPlans_OneActivePerPatient",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "StatusChangedById",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryPlans_OneActivePerPatient",
                table: "Plans",
                column: "PatientId",
                unique: true,
                filter: "\"Status\" = 'Active'");
        }
    }
}
