using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusChangedById",
                table: "Plans",
                type: "character varying(450)",
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
